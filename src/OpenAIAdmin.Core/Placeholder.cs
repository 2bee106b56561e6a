namespace OpenAIAdmin { internal static class Placeholder { } }
