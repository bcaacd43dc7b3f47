using System;
using System.Globalization;

namespace SocialCommerce.Commissions;

/// <summary>
/// Names the place of a plan's content in refusal messages: builder members for plans built in code,
/// JSON paths for plan documents.
/// </summary>
internal abstract class PlanPaths
{
    public static PlanPaths Builder { get; } = new BuilderPaths();

    public static PlanPaths Json { get; } = new JsonPaths();

    public abstract string Name { get; }

    public abstract string Currency { get; }

    public abstract string Levels { get; }

    public abstract string SelfRate { get; }

    public abstract string DifferentialDepth { get; }

    public abstract string RankRates { get; }

    public abstract string SaleCap { get; }

    public abstract string PerBeneficiaryCap { get; }

    public abstract string ReturnWindow { get; }

    public abstract string RecruitmentReward { get; }

    public abstract string Level(int index, int level);

    public abstract string LevelRate(int index, int level);

    public abstract string LevelFixed(int index, int level);

    public abstract string Override(int index, OverrideDraft draft);

    public abstract string OverrideLevel(int index, OverrideDraft draft, int levelIndex, int level);

    public abstract string OverrideLevelRate(int index, OverrideDraft draft, int levelIndex, int level);

    public abstract string OverrideLevelFixed(int index, OverrideDraft draft, int levelIndex, int level);

    public abstract string RankRate(int rank);

    public abstract string Rule(int index, string? name);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class BuilderPaths : PlanPaths
    {
        public override string Name => "CreateBuilder(name)";

        public override string Currency => "CreateBuilder(currency)";

        public override string Levels => "Level(...)";

        public override string SelfRate => "SelfPurchaseRebate";

        public override string DifferentialDepth => "RankDifferential(depth)";

        public override string RankRates => "RankDifferential(rankRates)";

        public override string SaleCap => "CapSaleTotal";

        public override string PerBeneficiaryCap => "CapPerBeneficiary";

        public override string ReturnWindow => "ReturnWindow";

        public override string RecruitmentReward => "DeclareRecruitmentReward";

        public override string Level(int index, int level) => F($"Level({level})");

        public override string LevelRate(int index, int level) => F($"Level({level})");

        public override string LevelFixed(int index, int level) => F($"Level({level})");

        public override string Override(int index, OverrideDraft draft) => F($"{draft.Target}Override(\"{draft.Key}\")");

        public override string OverrideLevel(int index, OverrideDraft draft, int levelIndex, int level) => F($"{draft.Target}Override(\"{draft.Key}\").Level({level})");

        public override string OverrideLevelRate(int index, OverrideDraft draft, int levelIndex, int level) => F($"{draft.Target}Override(\"{draft.Key}\").Level({level})");

        public override string OverrideLevelFixed(int index, OverrideDraft draft, int levelIndex, int level) => F($"{draft.Target}Override(\"{draft.Key}\").FixedPerUnit({level})");

        public override string RankRate(int rank) => F($"RankDifferential(rankRates[{rank}])");

        public override string Rule(int index, string? name) => F($"Rule(\"{name}\")");
    }

    private sealed class JsonPaths : PlanPaths
    {
        public override string Name => "$.name";

        public override string Currency => "$.currency";

        public override string Levels => "$.levels";

        public override string SelfRate => "$.selfPurchaseRate";

        public override string DifferentialDepth => "$.rankDifferential.depth";

        public override string RankRates => "$.rankDifferential.rankRates";

        public override string SaleCap => "$.caps.saleRatio";

        public override string PerBeneficiaryCap => "$.caps.perBeneficiary";

        public override string ReturnWindow => "$.returnWindowDays";

        public override string RecruitmentReward => "$.recruitmentReward";

        public override string Level(int index, int level) => F($"$.levels[{index}].level");

        public override string LevelRate(int index, int level) => F($"$.levels[{index}].rate");

        public override string LevelFixed(int index, int level) => F($"$.levels[{index}].fixedPerUnit");

        public override string Override(int index, OverrideDraft draft) =>
            F($"$.overrides[{index}].{(draft.Target == OverrideTarget.Product ? "product" : "category")}");

        public override string OverrideLevel(int index, OverrideDraft draft, int levelIndex, int level) => F($"$.overrides[{index}].levels[{levelIndex}].level");

        public override string OverrideLevelRate(int index, OverrideDraft draft, int levelIndex, int level) => F($"$.overrides[{index}].levels[{levelIndex}].rate");

        public override string OverrideLevelFixed(int index, OverrideDraft draft, int levelIndex, int level) => F($"$.overrides[{index}].levels[{levelIndex}].fixedPerUnit");

        public override string RankRate(int rank) => F($"$.rankDifferential.rankRates[{rank}]");

        public override string Rule(int index, string? name) => F($"$.rules[{index}]");
    }
}
