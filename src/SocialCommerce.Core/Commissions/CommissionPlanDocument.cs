using System;
using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace SocialCommerce.Commissions;

/// <summary>
/// Reads a JSON plan document (System.Text.Json) into a <see cref="PlanDraft"/>, naming the JSON path of anything wrong.
/// </summary>
internal static class CommissionPlanDocument
{
    public static CommissionPlan Parse(string json, CommissionRuleCatalog? rules)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InvalidCommissionPlanException(string.Empty, e.Path ?? "$", Snip(json), "the document is not valid JSON: " + e.Message);
        }

        using (document)
        {
            var draft = Read(document.RootElement);
            return PlanValidation.Validate(draft, PlanPaths.Json, rules);
        }
    }

    private static PlanDraft Read(JsonElement root)
    {
        var draft = new PlanDraft();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Refuse(draft, "$", root, "a plan document is a JSON object.");
        }

        if (root.TryGetProperty("name", out var name))
        {
            draft.Name = String(draft, "$.name", name);
        }

        if (root.TryGetProperty("currency", out var currencyElement))
        {
            var code = String(draft, "$.currency", currencyElement);
            draft.Currency = Currency.TryFromCode(code, out var currency)
                ? currency
                : throw Refuse(draft, "$.currency", currencyElement, "unknown currency code; use an ISO-4217 code such as \"CNY\".");
        }

        foreach (var property in root.EnumerateObject())
        {
            var path = "$." + property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "name":
                case "currency":
                    break;
                case "levels":
                    ReadLevels(draft, path, value, draft.Levels.Add, allowFixed: false);
                    break;
                case "selfPurchaseRate":
                    draft.SelfRate = Number(draft, path, value);
                    break;
                case "overrides":
                    ReadOverrides(draft, path, value);
                    break;
                case "eligibility":
                    draft.Eligibility = String(draft, path, value) switch
                    {
                        "everyMember" => CommissionEligibility.EveryMember,
                        "enabledDistributors" => CommissionEligibility.EnabledDistributors,
                        _ => throw Refuse(draft, path, value, "expected \"everyMember\" or \"enabledDistributors\"."),
                    };
                    break;
                case "ineligibleShare":
                    draft.IneligibleShare = String(draft, path, value) switch
                    {
                        "forfeit" => IneligibleShare.Forfeit,
                        "compress" => IneligibleShare.Compress,
                        _ => throw Refuse(draft, path, value, "expected \"forfeit\" or \"compress\"."),
                    };
                    break;
                case "rankDifferential":
                    ReadDifferential(draft, path, value);
                    break;
                case "caps":
                    ReadCaps(draft, path, value);
                    break;
                case "includeShippingInBase":
                    draft.IncludeShipping = value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw Refuse(draft, path, value, "expected true or false."),
                    };
                    break;
                case "returnWindowDays":
                    var days = Integer(draft, path, value);
                    if (days < 0 || days > Limits.MaxDuration.Days)
                    {
                        throw Refuse(draft, path, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the return window should be in range [0-{Limits.MaxDuration.Days}] days."));
                    }

                    draft.ReturnWindow = Duration.FromDays(days);
                    break;
                case "rules":
                    ExpectArray(draft, path, value);
                    var r = 0;
                    foreach (var rule in value.EnumerateArray())
                    {
                        draft.Rules.Add(String(draft, Index(path, r++), rule));
                    }

                    break;
                case "earningRequirement":
                    draft.EarningRequirement = String(draft, path, value) switch
                    {
                        "none" => EarningRequirement.None,
                        "qualifyingPurchase" => EarningRequirement.QualifyingPurchase,
                        "entryFee" => EarningRequirement.EntryFee,
                        _ => throw Refuse(draft, path, value, "expected \"none\", \"qualifyingPurchase\" or \"entryFee\"."),
                    };
                    break;
                case "recruitmentReward":
                    draft.RecruitmentReward = Amount(draft, path, value);
                    break;
                default:
                    throw Refuse(draft, path, value, "unknown property.");
            }
        }

        return draft;
    }

    private static void ReadLevels(PlanDraft draft, string path, JsonElement value, Action<PayoutEntry> add, bool allowFixed)
    {
        ExpectArray(draft, path, value);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = Index(path, i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Refuse(draft, itemPath, item, "a level is an object such as {\"level\": 1, \"rate\": 0.1}.");
            }

            int? level = null;
            decimal? rate = null;
            Money? fixedAmount = null;
            foreach (var p in item.EnumerateObject())
            {
                var pPath = itemPath + "." + p.Name;
                switch (p.Name)
                {
                    case "level":
                        level = Integer(draft, pPath, p.Value);
                        break;
                    case "rate":
                        rate = Number(draft, pPath, p.Value);
                        break;
                    case "fixedPerUnit":
                        fixedAmount = Amount(draft, pPath, p.Value);
                        break;
                    default:
                        throw Refuse(draft, pPath, p.Value, allowFixed ? "unknown property; a level has \"level\" and \"rate\" or \"fixedPerUnit\"." : "unknown property; a level has \"level\" and \"rate\".");
                }
            }

            if (level is null)
            {
                throw Refuse(draft, itemPath + ".level", default, "a level needs its level number.");
            }

            add(new PayoutEntry(level.Value, rate, fixedAmount));
        }
    }

    private static void ReadOverrides(PlanDraft draft, string path, JsonElement value)
    {
        ExpectArray(draft, path, value);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = Index(path, i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Refuse(draft, itemPath, item, "an override is an object such as {\"category\": \"books\", \"levels\": [...]}.");
            }

            var hasProduct = item.TryGetProperty("product", out var product);
            var hasCategory = item.TryGetProperty("category", out var category);
            if (hasProduct == hasCategory)
            {
                throw Refuse(draft, itemPath, item, "an override names exactly one of \"product\" and \"category\".");
            }

            var od = hasProduct
                ? new OverrideDraft(OverrideTarget.Product, String(draft, itemPath + ".product", product))
                : new OverrideDraft(OverrideTarget.Category, String(draft, itemPath + ".category", category));
            foreach (var p in item.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "product":
                    case "category":
                        break;
                    case "levels":
                        ReadLevels(draft, itemPath + ".levels", p.Value, od.Levels.Add, allowFixed: true);
                        break;
                    default:
                        throw Refuse(draft, itemPath + "." + p.Name, p.Value, "unknown property; an override has \"product\" or \"category\", and \"levels\".");
                }
            }

            draft.Overrides.Add(od);
        }
    }

    private static void ReadDifferential(PlanDraft draft, string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Refuse(draft, path, value, "expected an object {\"depth\": 3, \"rankRates\": [0, 0.05, 0.1]}.");
        }

        draft.RankRates = [];
        foreach (var p in value.EnumerateObject())
        {
            var pPath = path + "." + p.Name;
            switch (p.Name)
            {
                case "depth":
                    draft.DifferentialDepth = Integer(draft, pPath, p.Value);
                    break;
                case "rankRates":
                    ExpectArray(draft, pPath, p.Value);
                    var i = 0;
                    foreach (var rate in p.Value.EnumerateArray())
                    {
                        draft.RankRates.Add(Number(draft, Index(pPath, i++), rate));
                    }

                    break;
                default:
                    throw Refuse(draft, pPath, p.Value, "unknown property; expected \"depth\" or \"rankRates\".");
            }
        }
    }

    private static void ReadCaps(PlanDraft draft, string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Refuse(draft, path, value, "expected an object {\"saleRatio\": 0.3, \"perBeneficiary\": 50}.");
        }

        foreach (var p in value.EnumerateObject())
        {
            var pPath = path + "." + p.Name;
            switch (p.Name)
            {
                case "saleRatio":
                    draft.SaleCap = Number(draft, pPath, p.Value);
                    break;
                case "perBeneficiary":
                    draft.PerBeneficiaryCap = Amount(draft, pPath, p.Value);
                    break;
                default:
                    throw Refuse(draft, pPath, p.Value, "unknown property; expected \"saleRatio\" or \"perBeneficiary\".");
            }
        }
    }

    private static Money Amount(PlanDraft draft, string path, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            var currency = draft.Currency ?? throw Refuse(draft, path, value, "a plain amount is in the plan's currency, but \"currency\" is missing.");
            return new Money(Number(draft, path, value), currency);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0
                && decimal.TryParse(text.AsSpan(0, space), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
                && Currency.TryFromCode(text[(space + 1)..], out var currency))
            {
                return new Money(amount, currency);
            }

            throw Refuse(draft, path, value, "expected an amount such as 5.00 (in the plan's currency) or \"5.00 CNY\".");
        }

        throw Refuse(draft, path, value, "expected an amount such as 5.00 (in the plan's currency) or \"5.00 CNY\".");
    }

    private static decimal Number(PlanDraft draft, string path, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw Refuse(draft, path, value, "expected a number.");

    private static int Integer(PlanDraft draft, string path, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Refuse(draft, path, value, "expected a whole number.");

    private static string String(PlanDraft draft, string path, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Refuse(draft, path, value, "expected a string.");

    private static void ExpectArray(PlanDraft draft, string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Refuse(draft, path, value, "expected an array.");
        }
    }

    private static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Snip(string json) => json.Length <= 40 ? json : json[..40] + "...";

    private static InvalidCommissionPlanException Refuse(PlanDraft draft, string path, JsonElement value, string message) =>
        new(draft.Name ?? string.Empty, path, value.ValueKind == JsonValueKind.Undefined ? "(missing)" : Snip(value.GetRawText()), message);
}
