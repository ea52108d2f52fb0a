//! Misuse of the macros: each case's compile error is pinned in `tests/ui/*.stderr`.

#[test]
fn misuse_is_a_compile_error_that_says_what_to_write() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
