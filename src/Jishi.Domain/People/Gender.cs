namespace Jishi.Domain.People;

/// <summary>性别, as encoded in the 17th digit of the 居民身份证号码 (GB 11643-1999: odd = 男, even = 女).</summary>
public enum Gender
{
    /// <summary>男.</summary>
    Male,

    /// <summary>女.</summary>
    Female,
}
