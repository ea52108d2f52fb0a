"""Pointer parameters are typed with what ctypes takes for them. pyright must accept every call in
`accepted` (which python3 then runs against the library) and report exactly the lines marked
`# rejected`."""

import ctypes
import os
import sys

sys.path.insert(0, os.environ.get("INTEROPC_PY_DIR", "."))
import reference as r  # noqa: E402


def accepted() -> None:
    value = ctypes.c_int64(42)
    numbers = (ctypes.c_int64 * 2)(7, 8)
    assert r.ref_simple(value) == 42  # a ctypes value goes by reference
    assert r.ref_simple(ctypes.pointer(value)) == 42
    assert r.ref_simple(ctypes.byref(value)) == 42
    assert r.ref_simple(numbers) == 7  # an array is a pointer to its first element
    assert not r.ref_option(None)  # Option<&T>: None is null
    back = r.ptr(value)
    assert back.contents.value == 42  # a pointer result is a ctypes pointer
    assert not r.ptr(None)  # null comes back as a null pointer, which is falsy
    assert r.vec3_scale(r.Vec3f32(1, 2, 3), 2.0).z == 6
    buffer = ctypes.create_string_buffer(16)
    assert r.write_c_string(buffer, 16) == 5 and buffer.value == b"hello"
    assert r.opaque_attribute_take(r.opaque_attribute_new(7)) == 7  # a handle is an int


def rejected() -> None:
    r.ref_simple(42)  # rejected
    r.ref_simple(None)  # rejected
    r.ref_simple(ctypes.c_int32(1))  # rejected
    r.ptr(ctypes.c_uint64(1))  # rejected
    r.write_c_string(b"text", 4)  # rejected
    r.opaque_attribute_take("handle")  # rejected


if __name__ == "__main__":
    r.init_lib(os.environ["INTEROPC_LIB_DIR"])
    accepted()
    print("pointer hints: ok")
