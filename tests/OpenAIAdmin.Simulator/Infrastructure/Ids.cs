namespace OpenAIAdmin.Simulator.Infrastructure;

/// <summary>
/// The shape of one kind of API id: a prefix, then <see cref="Length"/> characters of <see cref="Alphabet"/>.
/// The API treats ids as opaque; these are the shapes real organizations show, so that views and tests meet
/// ids as long as the real ones (short seed ids hid views that cut them).
/// </summary>
public sealed record IdShape(string Prefix, int Length, string Alphabet)
{
    public const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>Crockford base 32, the ULID alphabet (no I, L, O, U).</summary>
    public const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static readonly IdShape Project = new("proj_", 24, Alphanumeric);
    public static readonly IdShape User = new("user-", 24, Alphanumeric);
    public static readonly IdShape Invite = new("invite-", 24, Alphanumeric);
    public static readonly IdShape AdminApiKey = new("key_", 16, Alphanumeric);
    public static readonly IdShape Certificate = new("cert_", 24, Alphanumeric);
    public static readonly IdShape Group = new("group_", 26, Crockford);
    public static readonly IdShape Role = new("role_", 26, Crockford);
    public static readonly IdShape ServiceAccount = new("svc_acct_", 24, Alphanumeric);
    /// <summary>Project API keys have the shape of admin keys.</summary>
    public static readonly IdShape ProjectApiKey = AdminApiKey;

    /// <summary>The API documents only the example <c>alert_abc123</c>; the simulator gives alerts the length of the other ids.</summary>
    public static readonly IdShape SpendAlert = new("alert_", 24, Alphanumeric);

    public static readonly IReadOnlyList<IdShape> All = new[] { Project, User, Invite, AdminApiKey, Certificate, Group, Role, ServiceAccount, SpendAlert };

    /// <summary>Full length of an id of this shape, prefix included.</summary>
    public int TotalLength => Prefix.Length + Length;

    /// <summary>True when <paramref name="id"/> has this shape.</summary>
    public bool Matches(string? id) =>
        id is not null && id.Length == TotalLength && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>
    /// A seed id that stays recognizable: the prefix, a readable <paramref name="head"/> (characters of the
    /// alphabet), then characters derived from the head alone (FNV-1a, then xorshift), so the id never depends on
    /// the generator's seed or on the order stores are seeded in. <paramref name="salt"/> varies the padding
    /// for an empty head.
    /// </summary>
    public string Seeded(string head, string salt = "")
    {
        if (head.Length > Length || head.AsSpan().IndexOfAnyExcept(Alphabet) >= 0)
        {
            throw new ArgumentException($"'{head}' does not fit {Prefix} ids ({Length} characters of the alphabet).", nameof(head));
        }

        ulong state = 14695981039346656037UL;
        foreach (char c in Prefix + head + "|" + salt)
        {
            state = (state ^ c) * 1099511628211UL;
        }

        var chars = new char[Length];
        head.CopyTo(0, chars, 0, head.Length);
        for (int i = head.Length; i < Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            chars[i] = Alphabet[(int)(state % (ulong)Alphabet.Length)];
        }

        return Prefix + new string(chars);
    }
}

/// <summary>The ids of the seed data (see README.md, "Seed"): readable heads padded to the real length.</summary>
public static class SeedIds
{
    /// <summary><c>User(2)</c> → <c>user-0002…</c> (29 characters), the seeded user <c>User 0002</c>.</summary>
    public static string User(int n) => IdShape.User.Seeded(Number(n));

    /// <summary><c>Project("default")</c> → <c>proj_default…</c>.</summary>
    public static string Project(string head) => IdShape.Project.Seeded(head);

    public static string AdminApiKey(string head) => IdShape.AdminApiKey.Seeded(head);

    public static string Invite(int n) => IdShape.Invite.Seeded(Number(n));

    public static string Certificate(int n) => IdShape.Certificate.Seeded(Number(n));

    /// <summary><c>Group(3)</c> → <c>group_01JG0003…</c> (ULID-shaped).</summary>
    public static string Group(int n) => IdShape.Group.Seeded("01JG" + Number(n));

    /// <summary><c>Role(3)</c> → <c>role_01JR0003…</c> (ULID-shaped).</summary>
    public static string Role(int n) => IdShape.Role.Seeded("01JR" + Number(n));

    /// <summary><c>ServiceAccount("0001")</c> → <c>svc_acct_0001…</c>.</summary>
    public static string ServiceAccount(string head) => IdShape.ServiceAccount.Seeded(head);

    /// <summary><c>ProjectApiKey("0001")</c> → <c>key_0001…</c>, salted apart from the admin keys.</summary>
    public static string ProjectApiKey(string head) => IdShape.ProjectApiKey.Seeded(head, "project");

    /// <summary><c>SpendAlert(1)</c> → <c>alert_0001…</c>.</summary>
    public static string SpendAlert(int n) => IdShape.SpendAlert.Seeded(Number(n));

    private static string Number(int n) => n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Ids and secrets made at run time: a seeded generator that restarts on every reset.</summary>
internal sealed class Ids
{
    private readonly Random _random;

    public Ids(int seed) => _random = new Random(seed);

    /// <summary>e.g. <c>New(IdShape.Project)</c> → <c>proj_Ab3…</c> (24 random characters).</summary>
    public string New(IdShape shape) => shape.Prefix + Random(shape.Length, shape.Alphabet);

    public string Random(int length, string alphabet = IdShape.Alphanumeric)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>32 lower-case hex digits, as in <c>x-request-id: req_…</c>.</summary>
    public static string RequestId() => "req_" + Guid.NewGuid().ToString("N");
}
