using System;
using System.Threading.Tasks;
using OpenAIAdmin.Resources;
using Xunit;

namespace OpenAIAdmin.Tests.Core;

/// <summary>The core refuses bad input as InvalidArgument, with a message that names no internal parameter.</summary>
public sealed class InputChecks
{
    public static async Task<OpenAIAdminException> Refused(Func<Task> call)
    {
        OpenAIAdminException error = await Assert.ThrowsAsync<OpenAIAdminException>(call);
        Assert.Equal(AdminErrorKind.InvalidArgument, error.Kind);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Dot_segments_are_refused(string id)
    {
        OpenAIAdminException error = Assert.Throws<OpenAIAdminException>(() => ApiPath.User(id));
        Assert.Equal(AdminErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("another path", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("...", "...")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../x", "..%2Fx")]
    [InlineData("%2e%2e", "%252e%252e")]
    public void Other_ids_stay_one_escaped_segment(string id, string segment) =>
        Assert.Equal("organization/users/" + segment, ApiPath.User(id));

    [Fact]
    public void A_huge_id_gets_a_short_message()
    {
        OpenAIAdminException error = Assert.Throws<OpenAIAdminException>(() => ApiPath.Project(new string('p', 100_000)));
        Assert.Equal(AdminErrorKind.InvalidArgument, error.Kind);
        Assert.True(error.Message.Length < 200, error.Message);
        Assert.Contains("100000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_ids_are_named_in_words()
    {
        OpenAIAdminException error = Assert.Throws<OpenAIAdminException>(() => ResourceClient.Segment(" ", "projectId"));
        Assert.Equal("The project id is empty.", error.Message);
    }
}
