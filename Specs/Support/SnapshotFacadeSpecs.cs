using NUnit.Framework;

namespace XaiReference.Specs.Support;

/// <summary>The static facade finds the committed snapshot beside this source file by the spec's name.</summary>
public sealed class SnapshotFacadeSpecs
{
    [Test]
    public void The_committed_snapshot_beside_the_spec_is_found_and_matches()
    {
        // The verified file was written by hand from DOMAIN.md: 11 food-11 classes, 128 x 128 pictures,
        // and the course's Dropout probability.
        Snapshot.VerifyObject(new { classes = 11, pictureSize = 128, dropout = 0.3 });
    }
}
