namespace XaiReference.Fixtures;

/// <summary>What a pixel of a generated picture shows; the values stored in a region mask.</summary>
public enum PictureRegion : byte
{
    /// <summary>The table around the plate, including the plate's shadow.</summary>
    Background = 0,

    /// <summary>The plate, where no food covers it.</summary>
    Plate = 1,

    /// <summary>The food; it carries all of the class evidence.</summary>
    Food = 2,
}
