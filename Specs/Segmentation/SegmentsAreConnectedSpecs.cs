using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;

namespace XaiReference.Specs.Segmentation;

/// <summary>
/// With connectivity enforced, every superpixel is one 4-connected region (pixels joined through
/// left, right, up and down neighbours; skimage's 6-neighbourhood in 3D reduces to that in 2D).
/// </summary>
public sealed class SegmentsAreConnectedSpecs
{
    [TestCaseSource(typeof(SlicFixtures), nameof(SlicFixtures.PictureNames))]
    public void Every_segment_should_be_a_single_4_connected_region(string name)
    {
        var (rgb, width, height) = SlicFixtures.LoadPicture(name);

        var result = Slic.Segment(rgb, width, height);

        CountFourConnectedRegions(result).Should().Be(result.Count, "each label should form exactly one region");
    }

    [Test]
    public void Without_enforcement_a_textured_picture_should_have_split_clusters()
    {
        // Guards the spec above: the raw k-means clusters of the noisy texture are not connected,
        // so the enforcement step is what makes them so.
        var (rgb, width, height) = SlicFixtures.LoadPicture("noisy_texture");

        var raw = Slic.Segment(rgb, width, height, SlicSettings.Course with { EnforceConnectivity = false });

        CountFourConnectedRegions(raw).Should().BeGreaterThan(raw.Count);
    }

    private static int CountFourConnectedRegions(XaiReference.Segmentation.SuperpixelMap segmentation)
    {
        var labels = segmentation.Labels.ToArray();
        var (width, height) = (segmentation.Width, segmentation.Height);
        var seen = new bool[labels.Length];
        var stack = new Stack<int>();
        var regions = 0;
        for (var start = 0; start < labels.Length; start++)
        {
            if (seen[start])
            {
                continue;
            }

            regions++;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var pixel = stack.Pop();
                var (y, x) = (pixel / width, pixel % width);
                foreach (var (ny, nx) in new[] { (y, x + 1), (y, x - 1), (y + 1, x), (y - 1, x) })
                {
                    var neighbour = (ny * width) + nx;
                    if (nx >= 0 && nx < width && ny >= 0 && ny < height
                        && !seen[neighbour] && labels[neighbour] == labels[pixel])
                    {
                        seen[neighbour] = true;
                        stack.Push(neighbour);
                    }
                }
            }
        }

        return regions;
    }
}
