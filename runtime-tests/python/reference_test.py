"""The generated Python module against the reference cdylib: every struct's layout, and calls.

Run by runtime-tests/python-runtime.test.ts with INTEROPC_PY_DIR (the generated module),
INTEROPC_LIB_DIR (the cdylib) and INTEROPC_IR (the IR as JSON).
"""

import ctypes
import json
import os
import sys
import unittest

sys.path.insert(0, os.environ["INTEROPC_PY_DIR"])

import reference as r  # noqa: E402

LIB = r.init_lib(os.environ["INTEROPC_LIB_DIR"])

with open(os.environ["INTEROPC_IR"], encoding="utf-8") as ir_file:
    IR = json.load(ir_file)


class Layout(unittest.TestCase):
    def test_every_struct_and_union_has_the_ir_layout(self) -> None:
        checked = 0
        for decl in IR["types"]:
            if decl["kind"] not in ("struct", "union"):
                continue
            cls = getattr(r, decl["name"])
            self.assertEqual(ctypes.sizeof(cls), decl["layout"]["size"], decl["name"])
            if "align" not in decl:  # ctypes before 3.13 cannot raise alignment (repr(align))
                self.assertEqual(ctypes.alignment(cls), decl["layout"]["align"], decl["name"])
            if decl.get("transparent"):  # emitted as its field's type, like C's typedef
                checked += 1
                continue
            for field in decl["fields"]:
                self.assertEqual(getattr(cls, field["name"]).offset, field["offset"], f'{decl["name"]}.{field["name"]}')
            checked += 1
        self.assertGreaterEqual(checked, 30)  # the loop is not vacuous


class Calls(unittest.TestCase):
    def test_primitives_and_constants(self) -> None:
        self.assertEqual(r.primitive_u32(41), 42)
        self.assertEqual(r.primitive_u32(4294967295), 0)
        self.assertIs(r.primitive_bool(True), False)
        self.assertEqual(r.primitive_i8(127), -128)
        self.assertEqual(r.many_args_5(1, 2, 3, 4, 5), 15)
        self.assertEqual(r.U8, 255)
        self.assertEqual(r.COMPUTED_I32, 715827881)
        self.assertEqual(r.GREETING, "hello")

    def test_structs_and_pointers(self) -> None:
        self.assertEqual(r.tupled(r.Tupled(21))._0, 42)
        value = ctypes.c_int64(7)
        self.assertEqual(r.ptr(ctypes.byref(value)).contents.value, 7)

    def test_callbacks_and_errors(self) -> None:
        add_one = ctypes.CFUNCTYPE(ctypes.c_uint8, ctypes.c_uint8)(lambda x: x + 1)
        self.assertEqual(r.callback(add_one, 41), 42)
        # An error enum result raises; the library's own function keeps the C behaviour.
        with self.assertRaises(r.FFIErrorException) as caught:
            r.panics()
        self.assertEqual(caught.exception.code, r.FFIError.Panic)
        self.assertEqual(LIB.panics(), r.FFIError.Panic)
        self.assertIsNone(r.fails_if(3))

    def test_patterns(self) -> None:
        numbers = (ctypes.c_uint32 * 3)(1, 2, 39)
        self.assertEqual(r.pattern_ffi_slice_1(r.Slice_u32(ctypes.cast(numbers, ctypes.POINTER(ctypes.c_uint32)), 3)), 42)
        self.assertEqual(r.pattern_ascii_pointer_1(b"hello"), 5)
        self.assertEqual(r.pattern_ascii_pointer_1("héllo"), 6)  # str goes in as UTF-8
        self.assertEqual(r.pattern_ascii_pointer_1(None), 0)
        self.assertEqual(r.pattern_ascii_pointer_2(), "pattern string")  # and comes back as str
        self.assertEqual(r.pattern_ffi_bool(0), 1)
        option = r.pattern_ffi_option_1(r.FfiOption_Inner(r.Inner(-5), 1))
        self.assertEqual((option.t.v, option.is_some), (-5, 1))

    def test_a_service(self) -> None:
        handle = ctypes.c_void_p()
        self.assertEqual(LIB.service_basic_new_with(ctypes.byref(handle), 40), r.FFIError.Ok)
        self.assertEqual(r.service_basic_method_u32(handle, 2), 42)
        self.assertEqual(LIB.service_basic_panics_with_error(handle), r.FFIError.Panic)
        self.assertEqual(LIB.service_basic_destroy(ctypes.byref(handle)), r.FFIError.Ok)
        self.assertIsNone(handle.value)
        self.assertEqual(LIB.service_basic_destroy(ctypes.byref(handle)), r.FFIError.Null)
        with self.assertRaises(r.FFIErrorException):
            r.service_basic_destroy(ctypes.byref(handle))

    def test_the_api_guard_was_checked(self) -> None:
        self.assertEqual(r.pattern_api_guard(), r.API_HASH)


class Classes(unittest.TestCase):
    def test_a_service_class_with_constructors_methods_and_errors(self) -> None:
        with r.ServiceBasic.new_with(40) as service:
            self.assertEqual(service.method_u32(2), 42)
            self.assertEqual(service.half(), 20)
            numbers = (ctypes.c_uint32 * 2)(1, 1)
            service.add_all(r.Slice_u32(ctypes.cast(numbers, ctypes.POINTER(ctypes.c_uint32)), 2))
            self.assertEqual(service.method_u32(0), 42)
            with self.assertRaises(r.FFIErrorException) as odd:
                r.ServiceBasic.new_with(3).half()
            self.assertEqual(odd.exception.code, r.FFIError.Fail)
            with self.assertRaises(r.FFIErrorException) as panicked:
                service.panics_with_error()
            self.assertEqual(panicked.exception.code, r.FFIError.Panic)
        self.assertIsNone(service._handle.value)  # closed once by the with block
        service.close()  # a second close does nothing

    def test_a_failing_constructor_raises(self) -> None:
        with self.assertRaises(r.FFIErrorException) as failed:
            r.ServiceBasic.new_failing(1)
        self.assertEqual(failed.exception.code, r.FFIError.Fail)
        self.assertEqual(str(failed.exception), "FFIError.Fail (300)")

    def test_the_finalizer_closes_a_forgotten_service(self) -> None:
        service = r.ServiceBasic.new_with_string(b"named")
        self.assertEqual(service.name_length(), 5)
        handle = service._handle
        del service
        self.assertIsNone(handle.value)


if __name__ == "__main__":
    unittest.main()
