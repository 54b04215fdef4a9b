namespace Jishi.Domain.Dues;

/// <summary>How a member's dues are assessed (S4 第一至六条; GLOSSARY §9).</summary>
public enum DuesCategory
{
    /// <summary>按月领取工资的党员: 税后工资收入中相对固定、经常性的部分 (D-01), rates D-02.</summary>
    Salaried,

    /// <summary>实行年薪制人员: 当月实际领取的薪酬收入 (D-03), rates D-02.</summary>
    AnnualSalary,

    /// <summary>个体经营者等不按月取得收入人员: 上季度月平均纯收入 (D-04), rates D-02.</summary>
    SelfEmployed,

    /// <summary>离退休干部、职工: 离退休费或养老金总额 (D-05): ≤ 5000 元 0.5%，以上 1%.</summary>
    Retired,

    /// <summary>农民党员: 每月 0.20–1.00 元 (D-06).</summary>
    Farmer,

    /// <summary>学生党员: 每月 0.20 元 (D-06).</summary>
    Student,

    /// <summary>下岗失业党员: 每月 0.20 元 (D-06).</summary>
    Unemployed,

    /// <summary>依靠抚恤或救济生活的党员: 每月 0.20 元 (D-06).</summary>
    OnRelief,

    /// <summary>领取当地最低生活保障金的党员: 每月 0.20 元 (D-06).</summary>
    Dibao,
}

/// <summary>少交或免交 by decision (D-07).</summary>
public enum DuesReliefKind
{
    /// <summary>少交: a lower monthly amount.</summary>
    Reduction,

    /// <summary>免交: no dues.</summary>
    Exemption,
}
