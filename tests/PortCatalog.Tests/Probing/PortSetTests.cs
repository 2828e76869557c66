namespace PortCatalog.Tests.Probing;

public sealed class PortSetTests
{
    [Theory]
    [InlineData("80", "80", 1)]
    [InlineData("1-1024,8080", "1-1024,8080", 1025)]
    [InlineData(" 8080 , 22,80-82 ", "22,80-82,8080", 5)]
    [InlineData("10-20,15-25,26", "10-26", 17)]
    [InlineData("0,65535", "0,65535", 2)]
    [InlineData("5,4,3", "3-5", 3)]
    public void ParseMergesSortsAndPrintsTheCanonicalList(string text, string canonical, int count)
    {
        var set = PortSet.Parse(text);

        Assert.Equal(canonical, set.ToString());
        Assert.Equal(count, set.Count);
        Assert.Equal(count, set.Count());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("80,", "item \"\" at position 4")]
    [InlineData("65536", "item \"65536\" at position 1")]
    [InlineData("22,-5", "item \"-5\" at position 4")]
    [InlineData("100-10", "item \"100-10\" at position 1")]
    [InlineData("http", "item \"http\" at position 1")]
    [InlineData("1-2-3", "item \"1-2-3\" at position 1")]
    public void ParseRejectsBadListsNamingTheItemAndItsPosition(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PortSet.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(PortSet.TryParse(text, out var set));
        Assert.Null(set);
    }

    [Fact]
    public void ParseOfNullNamesTheArgument()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => PortSet.Parse(null!)).ParamName);
    }

    [Fact]
    public void AllIsEveryPortButZero()
    {
        Assert.Equal(65535, PortSet.All.Count);
        Assert.False(PortSet.All.Contains(0));
        Assert.True(PortSet.All.Contains(1));
        Assert.True(PortSet.All.Contains(65535));
        Assert.Equal("1-65535", PortSet.All.ToString());
    }

    [Fact]
    public void IndexingWalksThePortsInAscendingOrder()
    {
        var set = PortSet.Parse("7,100-103,9000,20-21");

        Assert.Equal(set.ToArray(), Enumerable.Range(0, set.Count).Select(set.GetAt).ToArray());
        Assert.Equal(new[] { 7, 20, 21, 100, 101, 102, 103, 9000 }, set.ToArray());
    }

    [Theory]
    [InlineData(-1, 10, "first")]
    [InlineData(10, 65536, "last")]
    [InlineData(10, 9, "last")]
    public void RangeRejectsBadBoundsNamingTheArgument(int first, int last, string parameter)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => PortSet.Range(first, last)).ParamName);
    }

    [Fact]
    public void OfRejectsAPortOutOfRangeAndIgnoresDuplicates()
    {
        Assert.Equal("ports", Assert.Throws<ArgumentOutOfRangeException>(() => PortSet.Of([80, 70000])).ParamName);
        Assert.Equal("22,80", PortSet.Of([80, 22, 80]).ToString());
    }
}
