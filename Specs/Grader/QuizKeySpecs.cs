using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Grading;
using XaiReference.Grader.Quiz;

namespace XaiReference.Specs.Grader;

/// <summary>The key's JSON form and its validation.</summary>
public sealed class QuizKeySpecs
{
    [Test]
    public void A_key_survives_a_round_trip_through_json()
    {
        var key = TestKey.Create();

        var json = QuizKeyJson.Serialize(key);
        var back = QuizKeyJson.Parse(json);

        back.Title.Should().Be(key.Title);
        back.Questions.Should().BeEquivalentTo(key.Questions, o => o.WithStrictOrdering());
        QuizKeyJson.Serialize(back).Should().Be(json, "writing is deterministic");
        json.Should().Contain("\"select\": \"multiple\"").And.Contain("\"correct\": [");
    }

    [Test]
    public void A_hand_written_key_with_comments_and_any_casing_is_read()
    {
        const string json = """
            // written by hand
            { "Title": "tiny",
              "questions": [
                { "number": 1, "section": "LIME", "points": 0.3, "prompt": "p", "select": "single",
                  "options": [ { "letter": "A", "text": "a" }, { "letter": "B", "text": "b" } ],
                  "correct": [ "B" ], },
              ] }
            """;

        var key = QuizKeyJson.Parse(json);

        key.Questions.Should().ContainSingle().Which.Correct.Should().Equal("B");
        key.Questions[0].Derivation.Should().BeNull("it is optional");
    }

    [Test]
    public void Validation_lists_every_problem_naming_the_question()
    {
        var good = TestKey.Create().Questions;
        var key = new QuizKey("broken",
        [
            good[0] with { Correct = ["A", "B"] },                 // single-select with two correct
            good[1] with { Number = 1 },                            // duplicate number
            good[3] with { Correct = ["A", "E"] },                  // E is not an option
            good[4] with { Options = [new KeyedOption("a", "x")], Correct = ["a"] },
            good[5] with { Points = 0 },
        ]);

        var problems = key.FindProblems();

        problems.Should().Contain("question 1: single-select expects exactly one correct letter, got 2");
        problems.Should().Contain("question 1: the number is used by more than one question");
        problems.Should().Contain("question 4: correct letter 'E' is not among the options A, B, C, D");
        problems.Should().Contain("question 5: expected option letters A to Z, got 'a'");
        problems.Should().Contain("question 6: expected positive points, got 0");
        key.Invoking(k => k.Validate()).Should().Throw<QuizKeyException>().WithMessage("*has 6 problem(s)*");
    }

    [Test]
    public void A_key_missing_a_required_field_is_refused_with_the_field_named()
    {
        const string json = """{ "title": "t", "questions": [ { "number": 1, "section": "s", "points": 1 } ] }""";

        var act = () => QuizKeyJson.Parse(json, "key.json");

        act.Should().Throw<QuizKeyException>().WithMessage("key.json is not a readable quiz key:*prompt*");
    }

    [Test]
    public void Without_a_key_source_the_default_says_to_pass_a_key_file()
    {
        var act = () => new MissingKeySource().GetKey();

        act.Should().Throw<QuizKeyException>().WithMessage("no key: pass --key <key.json>*");
    }
}
