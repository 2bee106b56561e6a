namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>Deterministic ids and secrets: a seeded generator that restarts on every reset.</summary>
internal sealed class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly Random _random;

    public Ids(int seed) => _random = new Random(seed);

    /// <summary>e.g. <c>New("proj_")</c> → <c>proj_Ab3…</c> (24 random characters).</summary>
    public string New(string prefix, int length = 24) => prefix + Random(length);

    public string Random(int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = Alphabet[_random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>32 lower-case hex digits, as in <c>x-request-id: req_…</c>.</summary>
    public static string RequestId() => "req_" + Guid.NewGuid().ToString("N");
}
