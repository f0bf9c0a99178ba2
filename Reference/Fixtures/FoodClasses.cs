namespace XaiReference.Fixtures;

/// <summary>The eleven classes of food-11, in the course's label order.</summary>
public static class FoodClasses
{
    /// <summary>Number of classes.</summary>
    public const int Count = 11;

    /// <summary>Class names indexed by label: 0 Bread .. 10 Vegetable/Fruit.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Bread",
        "Dairy product",
        "Dessert",
        "Egg",
        "Fried food",
        "Meat",
        "Noodles/Pasta",
        "Rice",
        "Seafood",
        "Soup",
        "Vegetable/Fruit",
    ];

    /// <summary>The name of class <paramref name="label"/>.</summary>
    /// <param name="label">A label in [0, 10].</param>
    public static string NameOf(int label)
    {
        EnsureLabel(label, nameof(label));
        return Names[label];
    }

    /// <summary>Throws unless <paramref name="label"/> is a food-11 label.</summary>
    /// <param name="label">The value to check.</param>
    /// <param name="parameterName">The caller's parameter name, used in the message.</param>
    public static void EnsureLabel(int label, string parameterName)
    {
        if (label is < 0 or >= Count)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, label, $"expected a food-11 label in [0, {Count - 1}], got {label}");
        }
    }
}
