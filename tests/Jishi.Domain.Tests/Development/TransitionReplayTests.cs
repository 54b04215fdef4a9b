using Jishi.Domain.Development;

namespace Jishi.Domain.Tests.Development;

/// <summary>The development case's state comes from its transition table alone: replaying any path of legal steps
/// through <see cref="CaseState.Apply"/> lands where the table's rows say, and every step's data matches exactly one
/// row (no step moves the case on its own, none is left without a row).</summary>
public sealed class TransitionReplayTests
{
    /// <summary>Data a step may carry that decides its row: every confirmation outcome, both ways of direct admission.</summary>
    private static readonly EventData[] Variants =
    [
        new(),
        .. Enum.GetNames<ConfirmationOutcome>().Select(o => new EventData { Outcome = o }),
        new() { AdmittedAs = DevelopmentStage.ProbationaryMember },
        new() { AdmittedAs = DevelopmentStage.FullMember },
    ];

    [Fact]
    public void EveryStepAtEveryStage_MatchesExactlyOneRow_WhateverItsOutcome()
    {
        foreach (var (from, type) in TransitionTable.All.Select(t => (t.From, t.Event)).Distinct())
        {
            foreach (var data in Variants)
            {
                Assert.Single(TransitionTable.All, t => t.From == from && t.Event == type && t.Matches(data));
            }
        }
    }

    [Fact]
    public void ReplayingRandomPaths_ThroughApply_AgreesWithTheTable()
    {
        var random = new Random(20261206);
        var paths = 0;
        var reached = new HashSet<(DevelopmentStage, CaseStatus)>();
        for (var walk = 0; walk < 2000; walk++)
        {
            var state = new CaseState();
            var date = new DateOnly(2020, 1, 1);
            var seq = 1;
            state.Apply(new CaseEvent(seq++, CaseEventType.ApplicationReceived, date, new EventData(), [], []));
            var (stage, status) = (DevelopmentStage.Applicant, CaseStatus.Open);
            for (var step = 0; step < 40; step++)
            {
                var legal = TransitionTable.LegalAt(stage, status).ToList();
                if (legal.Count == 0)
                {
                    break;
                }

                var type = legal[random.Next(legal.Count)];
                var data = Variants[random.Next(Variants.Length)];
                var row = TransitionTable.Find(stage, status, type, data);
                Assert.NotNull(row);
                (stage, status) = (row.To ?? stage, row.ToStatus ?? status);

                date = date.AddDays(7);
                state.Apply(new CaseEvent(seq++, type, date, data, [], []));
                Assert.True((state.Stage, state.Status) == (stage, status),
                    $"walk {walk}, step {type} with {data.Outcome ?? data.AdmittedAs?.ToString() ?? "no outcome"}: Apply gave {state.Stage}/{state.Status}, the table {stage}/{status}");
                reached.Add((stage, status));
            }

            paths++;
        }

        Assert.Equal(2000, paths);
        // The walks reach every place the table leads to, so the comparison covered every row that moves the case.
        foreach (var t in TransitionTable.All)
        {
            Assert.Contains((t.To ?? t.From, t.ToStatus ?? CaseStatus.Open), reached);
        }
    }

    [Fact]
    public void DirectAdmissionAsAFullMember_IsARowOfTheTable_AndOfTheDiagram_R26()
    {
        var state = new CaseState();
        state.Apply(new CaseEvent(1, CaseEventType.ApplicationReceived, new DateOnly(2026, 1, 5), new EventData(), [], []));
        state.Apply(new CaseEvent(2, CaseEventType.DirectlyAdmitted, new DateOnly(2026, 3, 1),
            new EventData { AdmittedAs = DevelopmentStage.FullMember, PartyAgeStartDate = new DateOnly(2026, 3, 1) }, [], []));

        Assert.Equal(DevelopmentStage.FullMember, state.Stage);
        Assert.Equal(new DateOnly(2026, 3, 1), state.PartyAgeStartDate);
        Assert.Contains("Applicant --> FullMember: DirectlyAdmitted", TransitionTable.ToMermaid(), StringComparison.Ordinal);
    }
}
