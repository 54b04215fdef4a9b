using Jishi.App.Data;
using Jishi.App.LostContacts;
using Jishi.Domain.Organisations;
using Jishi.Web.Components.Cases;

namespace Jishi.Web.Tests.Cases;

/// <summary>
/// Every value of every public enum of the domain and the application has its Chinese word, through the one lookup
/// the pages and documents use (<see cref="Labels.Of(Type, string)"/>). A new enum, or a new value, fails here until it
/// has its word in Labels.cs (or, for the types that carry their words beside themselves, there) — or, for an enum
/// no user ever sees, until it is listed below with the reason.
/// </summary>
public sealed class EnumLabelsTests
{
    /// <summary>The enums deliberately never shown to users, each with why.</summary>
    private static readonly Dictionary<Type, string> NeverShown = new()
    {
        [typeof(DatabaseProvider)] = "the storage engine chosen in configuration (Jishi:Database:Provider); no page or response carries it",
    };

    private static IEnumerable<Type> PublicEnums() =>
        new[] { typeof(OrgType).Assembly, typeof(LostContactDuration).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsEnum)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void EveryValueOfEveryPublicEnum_HasItsChineseWord()
    {
        var missing = PublicEnums()
            .Where(t => !NeverShown.ContainsKey(t))
            .SelectMany(t => Enum.GetNames(t).Select(n => (Type: t, Name: n)))
            .Where(v => !Labels.TryOf(v.Type, v.Name, out _))
            .Select(v => $"{v.Type.Name}.{v.Name}")
            .ToList();

        Assert.True(missing.Count == 0, "no Chinese word in Labels.cs for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryWord_IsChineseAndNotTheIdentifier()
    {
        foreach (var type in PublicEnums().Where(t => !NeverShown.ContainsKey(t)))
        {
            foreach (var name in Enum.GetNames(type))
            {
                var word = Labels.Of(type, name);
                Assert.NotEqual(name, word);
                Problem.AssertChinese(word);
            }
        }
    }

    [Fact]
    public void TheEnumsNeverShown_AreRealPublicEnumsWithAReason()
    {
        var enums = PublicEnums().ToHashSet();
        foreach (var (type, reason) in NeverShown)
        {
            Assert.Contains(type, enums);
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }

    [Fact]
    public void TheTypesWithTheirOwnWords_AreLookedUpThroughThem()
    {
        Assert.Equal(OrgType.GeneralBranch.Label(), Labels.Of(OrgType.GeneralBranch));
        Assert.Equal("留党察看", Labels.Of(Jishi.Domain.Members.SanctionType.DisciplinaryProbation));
        Assert.Equal("男", Labels.Of(Jishi.Domain.People.Gender.Male));
        Assert.Equal("Unknown", Labels.Of(typeof(OrgType), "Unknown"));
        Assert.Equal("99", Labels.Of(typeof(OrgType), "99"));
    }

    [Fact]
    public void TheAssemblies_AreTheOnesReflectedOver()
    {
        Assert.Equal("Jishi.Domain", typeof(OrgType).Assembly.GetName().Name);
        Assert.Equal("Jishi.App", typeof(LostContactDuration).Assembly.GetName().Name);
        Assert.Contains(typeof(LostContactDuration), PublicEnums());
    }
}
