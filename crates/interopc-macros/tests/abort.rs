//! The `abort` policy (the default for functions that return no error enum): a panic never unwinds
//! into the caller; the process stops with a message naming the function. Checked in a child
//! process, since aborting is the point.

use interopc_macros::ffi_function;
use std::process::Command;

#[ffi_function]
pub fn panics_without_error() -> u32 {
    panic!("boom");
}

#[test]
fn a_panic_aborts_with_a_message() {
    if std::env::var_os("INTEROPC_ABORT_CHILD").is_some() {
        panics_without_error();
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe).args(["a_panic_aborts_with_a_message", "--exact", "--nocapture"]).env("INTEROPC_ABORT_CHILD", "1").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("interopc: `panics_without_error` panicked (boom); aborting"), "{stderr}");
}
