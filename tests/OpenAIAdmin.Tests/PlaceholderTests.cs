namespace OpenAIAdmin.Tests;
public class PlaceholderTests { [Xunit.Fact] public void Builds() => Xunit.Assert.True(typeof(PlaceholderTests).Assembly is not null); }
