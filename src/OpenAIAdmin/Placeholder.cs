namespace OpenAIAdmin.Commands { internal static class Placeholder { } }
