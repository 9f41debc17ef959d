//! Every example of ../shared/specs/rankmath-examples.json: the numbers Rank Math's own analyzer
//! produced. Score, each check's points and max, and secondary-keyword scores must be equal.

use std::collections::BTreeMap;

use redaksi_seo::{ProfileId, Report, Status, analyze};
use serde::Deserialize;

mod common;

use common::Input;

#[derive(Deserialize)]
struct Example {
    name: String,
    input: Input,
    expected: Expected,
}

#[derive(Deserialize)]
struct Expected {
    score: u8,
    checks: BTreeMap<String, u32>,
    max: BTreeMap<String, u32>,
    raw: u32,
    total: u32,
    #[serde(default)]
    secondary: Vec<Secondary>,
}

#[derive(Deserialize)]
struct Secondary {
    keyword: String,
    score: u8,
    raw: u32,
    total: u32,
    checks: BTreeMap<String, u32>,
}

fn run(example: &Example) -> Report {
    let profile = ProfileId::Rankmath.profile();
    analyze(&example.input.request(), profile)
}

/// Differences between a list of checks and the expected points; removed tests must be
/// not-applicable.
fn compare_checks(
    what: &str,
    checks: &[redaksi_seo::Check],
    expected: &BTreeMap<String, u32>,
    max: Option<&BTreeMap<String, u32>>,
    problems: &mut Vec<String>,
) {
    for check in checks {
        match expected.get(&check.id) {
            Some(&points) => {
                if check.points != points || !check.status.counts() {
                    problems.push(format!(
                        "{what}: {} = {} ({:?}), expected {points}",
                        check.id, check.points, check.status
                    ));
                }
                if let Some(&m) = max.and_then(|m| m.get(&check.id))
                    && m != check.max
                {
                    problems.push(format!(
                        "{what}: {} max {} expected {m}",
                        check.id, check.max
                    ));
                }
            }
            None if check.status != Status::NotApplicable => problems.push(format!(
                "{what}: {} should have been removed from the score",
                check.id
            )),
            None => {}
        }
    }
    for id in expected.keys() {
        if !checks.iter().any(|c| &c.id == id) {
            problems.push(format!("{what}: check {id} missing"));
        }
    }
}

#[test]
fn all_conformance_examples_match_rank_math() {
    let examples: Vec<Example> = common::examples();
    assert_eq!(examples.len(), 36, "the spec has 36 examples");
    let mut problems = Vec::new();
    let mut passed = 0;
    for example in &examples {
        let before = problems.len();
        let report = run(example);
        let expected = &example.expected;
        let name = &example.name;
        if report.score != expected.score
            || report.points != expected.raw
            || report.max != expected.total
        {
            problems.push(format!(
                "{name}: score {} ({}/{}), expected {} ({}/{})",
                report.score,
                report.points,
                report.max,
                expected.score,
                expected.raw,
                expected.total
            ));
        }
        compare_checks(
            name,
            &report.checks,
            &expected.checks,
            Some(&expected.max),
            &mut problems,
        );
        if report.secondary.len() != expected.secondary.len() {
            problems.push(format!(
                "{name}: {} secondary scores, expected {}",
                report.secondary.len(),
                expected.secondary.len()
            ));
        }
        for (got, want) in report.secondary.iter().zip(&expected.secondary) {
            let what = format!("{name} / secondary {}", want.keyword);
            if got.keyword != want.keyword
                || got.score != want.score
                || got.points != want.raw
                || got.max != want.total
            {
                problems.push(format!(
                    "{what}: {} {} ({}/{}), expected {} ({}/{})",
                    got.keyword, got.score, got.points, got.max, want.score, want.raw, want.total
                ));
            }
            compare_checks(&what, &got.checks, &want.checks, None, &mut problems);
        }
        if problems.len() == before {
            passed += 1;
        }
    }
    assert!(
        problems.is_empty(),
        "{passed}/36 examples pass; differences:\n{}",
        problems.join("\n")
    );
}
