"""The generated Python module against the reference cdylib: every struct's layout, every exported
function called through the idiomatic layer, the services as classes, and the raw layer.

Run by runtime-tests/python-runtime.test.ts with INTEROPC_PY_DIR (the generated module),
INTEROPC_LIB_DIR (the cdylib) and INTEROPC_IR (the IR as JSON).
"""

import array
import ctypes
import gc
import json
import os
import sys
import threading
import time
import unittest
from typing import Any, Callable, Dict, List

sys.path.insert(0, os.environ["INTEROPC_PY_DIR"])

import reference as r  # noqa: E402

LIB_DIR = os.environ["INTEROPC_LIB_DIR"]
LIB = r.init_lib(LIB_DIR)

with open(os.environ["INTEROPC_IR"], encoding="utf-8") as ir_file:
    IR = json.load(ir_file)

# Functions the Python module leaves out, with the reason the build reported (contracts.md §7).
LEFT_OUT = {"packed_by_value"}


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

    def test_enums_and_constants_have_the_ir_values(self) -> None:
        for decl in IR["types"]:
            if decl["kind"] == "enum":
                for variant in decl["variants"]:
                    self.assertEqual(int(getattr(r, decl["name"])[variant["name"]]), int(variant["value"]))
        checked = 0
        for constant in IR["constants"]:
            value, name = constant["value"], constant["name"]
            actual = getattr(r, name)
            if value["kind"] in ("int", "char"):
                self.assertEqual(actual, int(value["value"]), name)
            elif value["kind"] == "float":
                expected = float(value["value"])
                if constant["type"] == {"kind": "primitive", "name": "f32"}:
                    # The f32 itself, as a value read through ctypes is: not its shortest text as a double.
                    expected = ctypes.c_float(expected).value
                    self.assertEqual(ctypes.c_float(actual).value, actual, name)
                self.assertEqual(actual, expected, name)
            else:
                self.assertEqual(actual, value["value"], name)
            checked += 1
        self.assertEqual(checked, len(IR["constants"]))
        self.assertGreaterEqual(checked, 10)


def u32s(*values: int) -> Any:
    return (ctypes.c_uint32 * len(values))(*values)


def check_thread_callback(t: unittest.TestCase) -> None:
    seen: List[int] = []
    threads: List[str] = []

    def record(value: int) -> None:
        seen.append(value)
        threads.append(threading.current_thread().name)

    r.pattern_callback_thread(record, 7)
    gc.collect()  # the callback object must survive: the module keeps it until the next call
    r.pattern_callback_thread_wait()  # releases the GIL, so Rust's thread can call into Python
    t.assertEqual(seen, [7])
    t.assertNotEqual(threads, [threading.current_thread().name])


def check_service_basic(t: unittest.TestCase) -> None:
    with r.ServiceBasic.new_with(40) as service:
        t.assertEqual(service.method_u32(2), 42)
        service.add_all([1, 1])
        t.assertEqual(service.half(), 21)
        service.fill(bytearray(3))
        t.assertEqual(list(service.buffer()), [42, 42, 42])
        t.assertEqual(service.name(), "")
        service.add_ref(ctypes.c_uint32(0))
        t.assertEqual(service.checked_value(), 42)
        t.assertEqual(service.apply(lambda x: x + 1), 43)
        t.assertEqual(service.panics_with_default(), 0)
        with t.assertRaises(r.FFIErrorException) as panicked:
            service.panics_with_error()
        t.assertEqual(panicked.exception.code, r.FFIError.Panic)
    t.assertIsNone(service._handle.value)


def check_fill(t: unittest.TestCase) -> None:
    with r.ServiceBasic.new_with(40) as service:
        shared = bytearray(3)
        service.fill(shared)  # a writable buffer is shared: Rust writes into it
        t.assertEqual(shared, bytearray([40, 40, 40]))
        copied = [0, 0]
        service.fill(copied)  # a list is copied in and out
        t.assertEqual(copied, [40, 40])
        numbers = array.array("B", [0] * 4)
        service.fill(numbers)
        t.assertEqual(numbers.tolist(), [40] * 4)
        with t.assertRaises(TypeError):
            service.fill(b"abc")  # read-only


def check_buffer(t: unittest.TestCase) -> None:
    with r.ServiceBasic.new_with(40) as service:
        t.assertEqual(len(service.buffer()), 0)
        service.fill([0, 0])
        view = service.buffer()
        t.assertEqual((len(view), view[0], view[-1], view[:]), (2, 40, 40, [40, 40]))
        with t.assertRaises(IndexError):
            view[2]


def check_store_callback(t: unittest.TestCase) -> None:
    with r.ServiceBasic.new_with(40) as service:
        t.assertEqual(service.call_stored(7), 7)  # nothing stored yet
        service.store_callback(lambda x: x * 6)
        gc.collect()  # the service keeps the callback alive
        t.assertEqual(service.call_stored(7), 42)
        service.store_callback(None)
        t.assertEqual(service.call_stored(7), 7)


def check_constructors(t: unittest.TestCase) -> None:
    with r.ServiceBasic.new_without() as service:
        t.assertEqual(service.method_u32(7), 7)
    with r.ServiceBasic.new_with_string("named") as service:
        t.assertEqual(service.name_length(), 5)
        t.assertEqual(service.name(), "named")
    with t.assertRaises(r.FFIErrorException) as null:
        r.ServiceBasic.new_with_string(None)
    t.assertEqual(null.exception.code, r.FFIError.Null)
    with t.assertRaises(r.FFIErrorException) as failed:
        r.ServiceBasic.new_failing(1)
    t.assertEqual((failed.exception.code, str(failed.exception)), (r.FFIError.Fail, "FFIError.Fail (300)"))


def check_service_errors(t: unittest.TestCase) -> None:
    with r.ServiceBasic.new_with(3) as odd:
        with t.assertRaises(r.FFIErrorException) as half:
            odd.half()
        t.assertEqual(half.exception.code, r.FFIError.Fail)
        with t.assertRaises(r.FFIErrorException) as empty:
            odd.add_all([])
        t.assertEqual(empty.exception.code, r.FFIError.Fail)
    # The raw shims still take a null handle and report it.
    t.assertEqual(LIB.service_basic_add_all(None, r.Slice_u32()), r.FFIError.Null)
    t.assertEqual(LIB.service_basic_half(None, None), r.FFIError.Null)
    t.assertEqual(LIB.service_basic_panics_with_error(None), r.FFIError.Null)


def check_destroy(t: unittest.TestCase) -> None:
    service = r.ServiceBasic.new_with(1)
    handle = service._handle
    service.close()
    t.assertIsNone(handle.value)
    service.close()  # a second close does nothing
    t.assertEqual(LIB.service_basic_destroy(ctypes.byref(handle)), r.FFIError.Null)
    forgotten = r.ServiceBasic.new_with(2)
    handle = forgotten._handle
    del forgotten  # the __del__ safety net
    t.assertIsNone(handle.value)


def check_lifetime(t: unittest.TestCase) -> None:
    service = r.ServiceLifetime.new_with(bytes([10, 20, 12]))
    gc.collect()  # the borrowed bytes live as long as the service
    t.assertEqual(service.sum(), 42)
    service.close()
    with r.ServiceLifetime.new_with([1, 2]) as copied:
        t.assertEqual(copied.sum(), 3)
    t.assertEqual(LIB.service_lifetime_destroy(None), r.FFIError.Null)


def check_context(t: unittest.TestCase, f: Any, null_result: int) -> None:
    forty = ctypes.c_uint32(40)
    t.assertEqual(f(lambda ctx, v: ctypes.c_uint32.from_address(ctx).value + v, ctypes.addressof(forty), 2), 42)
    if f is r.pattern_callback_3:
        t.assertEqual(f(None, ctypes.addressof(forty), 2), null_result)


def check_called_twice(t: unittest.TestCase, f: Any) -> None:
    seen: List[int] = []
    t.assertIs(f(seen.append, 21), True)
    t.assertEqual(seen, [21, 21])
    t.assertIs(f(None, 1), False)


def raises(t: unittest.TestCase, code: Any, call: Callable[[], object]) -> None:
    with t.assertRaises(r.FFIErrorException) as caught:
        call()
    t.assertEqual(caught.exception.code, code)


def linked_list() -> Any:
    second = r.Node(40, None)
    first = r.Node(2, ctypes.pointer(second))
    first.keep = second  # keep the second node alive with the first
    return first


Check = Callable[[unittest.TestCase, Any], None]

# One check per exported function, through the idiomatic layer (services through their classes).
EXPECTATIONS: Dict[str, Check] = {
    "renamed_struct": lambda t, f: t.assertEqual(f(r.StructRenamed(21)), 42),
    "opaque_attribute_new": lambda t, f: t.assertEqual(r.opaque_attribute_take(f(42)), 42),
    "opaque_attribute_take": lambda t, f: t.assertEqual(f(None), 0),
    "write_c_string": lambda t, f: (
        t.assertEqual(f(buffer := ctypes.create_string_buffer(8), 8), 5),
        t.assertEqual(buffer.value, b"hello"),
        t.assertEqual(f(buffer, 3), 0),
    ),
    "c_char_next": lambda t, f: t.assertEqual(f(b"a"), b"b"),
    "macro_panics_with_error": lambda t, f: raises(t, r.FFIError.Panic, f),
    "macro_panics_with_default": lambda t, f: t.assertEqual(f(), 0),
    "callback": lambda t, f: t.assertEqual(f(lambda x: x + 1, 41), 42),
    "callback_inline": lambda t, f: t.assertEqual(f(lambda x: x * 3, 14), 42),
    "callback_with_context": lambda t, f: check_context(t, f, 0),
    "callback_optional": lambda t, f: (t.assertEqual(f(lambda x: x + 1, 1), 2), t.assertEqual(f(None, 7), 7)),
    "get_doubler": lambda t, f: (t.assertEqual(f()(21), 42), t.assertEqual(r.callback(f(), 21), 42)),
    "primitive_void": lambda t, f: t.assertIsNone(f()),
    "primitive_void2": lambda t, f: t.assertIsNone(f()),
    "primitive_bool": lambda t, f: (t.assertIs(f(True), False), t.assertIs(f(False), True)),
    "primitive_u8": lambda t, f: t.assertEqual(f(255), 0),
    "primitive_u16": lambda t, f: t.assertEqual(f(41), 42),
    "primitive_u32": lambda t, f: (t.assertEqual(f(41), 42), t.assertEqual(f(4294967295), 0)),
    "primitive_u64": lambda t, f: t.assertEqual(f(41), 42),
    "primitive_i8": lambda t, f: t.assertEqual(f(127), -128),
    "primitive_i16": lambda t, f: t.assertEqual(f(-1), 0),
    "primitive_i32": lambda t, f: t.assertEqual(f(-43), -42),
    "primitive_i64": lambda t, f: t.assertEqual(f(-43), -42),
    "primitive_f32": lambda t, f: t.assertEqual(f(1.5), 3.0),
    "primitive_f64": lambda t, f: t.assertEqual(f(-2.25), -4.5),
    "many_args_5": lambda t, f: t.assertEqual(f(1, 2, 3, 4, 5), 15),
    "many_args_10": lambda t, f: t.assertEqual(f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 55),
    "ptr": lambda t, f: t.assertEqual(f(ctypes.byref(value := ctypes.c_int64(7))).contents.value, value.value),
    "ptr_mut": lambda t, f: (f(value := ctypes.c_int64(7)), t.assertEqual(value.value, -7)),
    "ptr_ptr": lambda t, f: (
        t.assertEqual(f(ctypes.byref(ctypes.pointer(ctypes.c_int64(9)))), 9),
        t.assertEqual(f(None), 0),
    ),
    "ref_simple": lambda t, f: t.assertEqual(f(ctypes.c_int64(5)), 5),
    "ref_mut_simple": lambda t, f: (t.assertEqual(f(value := ctypes.c_int64(21)), 42), t.assertEqual(value.value, 42)),
    "ref_option": lambda t, f: (t.assertIs(f(ctypes.c_int64(1)), True), t.assertIs(f(None), False)),
    "ref_mut_option": lambda t, f: (t.assertIs(f(value := ctypes.c_int64(1)), True), t.assertEqual(value.value, 42), t.assertIs(f(None), False)),
    "tupled": lambda t, f: t.assertEqual(f(r.Tupled(21))._0, 42),
    "transparent_add": lambda t, f: t.assertEqual(f(40, 2), 42),
    "vec3_length_squared": lambda t, f: t.assertEqual(f(r.Vec3f32(1, 2, 2)), 9.0),
    "vec3_scale": lambda t, f: (
        t.assertEqual(tuple(getattr(f(r.Vec3f32(1, 2, 3), 2), a) for a in "xyz"), (2.0, 4.0, 6.0)),
        t.assertEqual(f(None, 2).x, 0.0),
    ),
    "array_sum": lambda t, f: t.assertEqual(f(r.Array((ctypes.c_uint8 * 16)(*range(16)))), 120),
    "array_fill": lambda t, f: (f(filled := r.Array(), 3), t.assertEqual(list(filled.data), [3] * 16)),
    "bool_field_check": lambda t, f: (t.assertEqual(f(r.BoolField(40, True, 2)), 42), t.assertEqual(f(r.BoolField(40, False, 2)), 0)),
    "packed_to_unpacked": lambda t, f: t.assertEqual(f(r.Packed1(2, 40)), 40),
    "packed2_sum": lambda t, f: t.assertEqual(f(r.Packed2(1, 2, 3)), 6),
    "aligned_value": lambda t, f: t.assertEqual(f(r.Aligned16(16)), 16),
    "generic_1a": lambda t, f: t.assertEqual(f(r.Generic_u32(ctypes.pointer(ctypes.c_uint32(40))), r.Phantom_u8(2)), 42),
    "generic_1b": lambda t, f: t.assertEqual(f(r.Generic_u8(ctypes.pointer(ctypes.c_uint8(9)))), 9),
    "generic_alias": lambda t, f: t.assertEqual(f(r.GenericU32(ctypes.pointer(ctypes.c_uint32(14)))), 42),
    "opaque_new": lambda t, f: (t.assertEqual(r.opaque_get(p := f(1234)), 1234), r.opaque_destroy(p)),
    "opaque_get": lambda t, f: t.assertEqual(f(None), 0),
    "opaque_destroy": lambda t, f: t.assertIsNone(f(None)),
    "weird2_sum": lambda t, f: t.assertEqual(f(r.Weird2_u8_5(1, (ctypes.c_uint8 * 5)(1, 2, 3, 4, 5))), 16),
    "ambiguous_1": lambda t, f: t.assertEqual((v := f(r.Vec1(1, 2)), v.x, v.y)[1:], (1.0, 3.0)),
    "ambiguous_2": lambda t, f: t.assertEqual((v := f(r.Vec2(1, 2.5)), v.x, v.z)[1:], (1.0, 5.0)),
    "ambiguous_3": lambda t, f: t.assertIs(f(r.Vec1(1, 0), r.Vec2(1, 0)), True),
    "common_vec": lambda t, f: t.assertEqual(f(r.Vec3(40, 2)), 42.0),
    "panics": lambda t, f: raises(t, r.FFIError.Panic, f),
    "complex_args_1": lambda t, f: (t.assertIsNone(f(r.Vec3f32(), r.Tupled(1))), raises(t, r.FFIError.Null, lambda: f(r.Vec3f32(), None))),
    "fails_if": lambda t, f: (t.assertIsNone(f(3)), raises(t, r.FFIError.Fail, lambda: f(11))),
    "enum_u8_next": lambda t, f: t.assertIs(f(r.EnumU8.B), r.EnumU8.C),
    "enum_i32_value": lambda t, f: t.assertEqual(f(r.EnumI32.Neg), -5),
    "implicit_next": lambda t, f: t.assertIs(f(r.Implicit.Third), r.Implicit.First),
    "private_new": lambda t, f: (t.assertEqual((p := f(21)).visible, 21), t.assertEqual(r.private_hidden(p), 42)),
    "private_hidden": lambda t, f: t.assertEqual(f(r.Private(1, 5)), 5),
    "outer_sum": lambda t, f: t.assertEqual(f(r.Outer(r.Inner(-2), 44)), 42),
    "union_bits": lambda t, f: t.assertEqual(f(r.IntOrFloat(f=1.0)), 0x3F800000),
    "shape_area": lambda t, f: (
        t.assertEqual(f(r.Shape(r.Shape_Tag.Rect, r.Shape_Body(rect=r.Shape_Rect_Body(3.0, 4.0)))), 12.0),
        t.assertEqual(f(r.Shape(r.Shape_Tag.Circle, r.Shape_Body(circle=r.Shape_Circle_Body(2.0)))), 12.0),
    ),
    "event_next": lambda t, f: (
        t.assertEqual((lambda e: (e.tag, e.key.code, e.key.pressed))(f(r.Event(key=r.Event_Key_Body(r.Event_Tag.Key, 65, True)))), (r.Event_Tag.Key, 65, False)),
        t.assertEqual((lambda e: (e.tag, e.scroll._0, e.scroll._1))(f(r.Event(scroll=r.Event_Scroll_Body(r.Event_Tag.Scroll, 3, 9)))), (r.Event_Tag.Scroll, -3, 9)),
    ),
    "list_sum": lambda t, f: t.assertEqual(f(linked_list()), 42),
    "counter_new": lambda t, f: (
        t.assertEqual([r.counter_increment(c := f()), r.counter_increment(c)], [1, 2]),
        r.counter_destroy(c),
    ),
    "counter_increment": lambda t, f: t.assertEqual(f(None), 0),
    "counter_destroy": lambda t, f: t.assertIsNone(f(None)),
    "string_length": lambda t, f: (t.assertEqual(f(b"hello"), 5), t.assertEqual(f(None), 0)),
    "static_string": lambda t, f: t.assertEqual(f(), b"hello from rust"),
    "sleep": lambda t, f: t.assertIsNone(f(1)),
    "unsafe_read": lambda t, f: t.assertEqual(f(ctypes.c_uint32(99)), 99),
    "pattern_ffi_slice_1": lambda t, f: (
        t.assertEqual(f([1, 2, 39]), 42),
        t.assertEqual(f((1, 2, 39)), 42),
        t.assertEqual(f(array.array("I", [1, 2, 39])), 42),
        t.assertEqual(f(u32s(1, 2, 39)), 42),
        t.assertEqual(f(memoryview(array.array("I", [40, 2]))), 42),
        t.assertEqual(f(range(10)), 45),
        t.assertEqual(f(None), 0),
        t.assertEqual(f(r.Slice_u32(None, 5)), 0),  # Rust reads a null slice as empty
    ),
    "pattern_ffi_slice_2": lambda t, f: (
        t.assertEqual((v := f([r.Vec3f32(1, 2, 3), r.Vec3f32(4, 5, 6)], 1), v.x, v.z)[1:], (4.0, 6.0)),
        t.assertEqual(f((r.Vec3f32 * 2)(), 2).x, 0.0),
    ),
    "pattern_ffi_slice_mut_1": lambda t, f: (
        t.assertEqual(f(data := bytearray(4), 7), 4),
        t.assertEqual(data, bytearray([7] * 4)),
        t.assertEqual(f(items := [0, 0], 9), 2),
        t.assertEqual(items, [9, 9]),
    ),
    "pattern_ffi_option_1": lambda t, f: (t.assertEqual(f(r.Inner(-5)).v, -5), t.assertIsNone(f(None))),
    "pattern_ffi_option_2": lambda t, f: (t.assertEqual(f(r.Inner(-5)).v, -5), t.assertEqual(f(None).v, -1)),
    "pattern_ffi_bool": lambda t, f: (t.assertIs(f(False), True), t.assertIs(f(True), False)),
    "pattern_ascii_pointer_1": lambda t, f: (
        t.assertEqual(f("héllo"), 6),  # str goes in as UTF-8
        t.assertEqual(f(b"hello"), 5),
        t.assertEqual(f(b"\xff\xfe"), 0),  # not UTF-8: Rust refuses it
        t.assertEqual(f(None), 0),
    ),
    "pattern_ascii_pointer_2": lambda t, f: t.assertEqual(f(), "pattern string"),
    "pattern_ascii_pointer_3": lambda t, f: t.assertEqual(f(r.UseAsciiStringPattern(b"four")), 4),
    "pattern_ascii_pointer_4": lambda t, f: t.assertEqual(f(["ab", None, b"cde"]), 5),
    "pattern_ffi_slice_delegate": lambda t, f: (t.assertEqual(f(lambda s: sum(s)), 45), t.assertEqual(f(None), 0)),
    "pattern_callback_1": lambda t, f: (t.assertEqual(f(lambda x: x * 3, 14), 42), t.assertEqual(f(None, 14), 14)),
    "pattern_callback_2": lambda t, f: check_called_twice(t, f),
    "pattern_api_guard": lambda t, f: t.assertEqual(f(), r.API_HASH),
    "pattern_ffi_slice_3": lambda t, f: t.assertEqual(f([40, 2]), 42),
    "pattern_ffi_slice_4": lambda t, f: (t.assertEqual(list(f()), [1, 2, 3, 4]), t.assertEqual(len(f()), 4), t.assertEqual(f()[3], 4)),
    "pattern_ffi_slice_5": lambda t, f: t.assertEqual(f([r.Vec3(1.5, 2.5), r.Vec3(10, 28)]), 42.0),
    "pattern_ffi_slice_delegate_huge": lambda t, f: t.assertEqual(
        f(lambda s: sum(s) % 256 if len(s) == 100_000 else 0), sum(i % 251 for i in range(100_000)) % 256
    ),
    "pattern_callback_3": lambda t, f: check_context(t, f, 0),
    "pattern_callback_4": lambda t, f: (
        raises(t, r.FFIError.Fail, lambda: f(lambda v: 300 if v % 2 else 0, 3)),
        t.assertIsNone(f(lambda v: 300 if v % 2 else 0, 4)),
        raises(t, r.FFIError.Null, lambda: f(None, 4)),
    ),
    "pattern_error_from": lambda t, f: (
        t.assertIsNone(f("123")),
        raises(t, r.FFIError.Fail, lambda: f("12a")),
        raises(t, r.FFIError.Null, lambda: f(None)),
    ),
    "pattern_callback_thread": lambda t, f: check_thread_callback(t),
    "pattern_callback_thread_wait": lambda t, f: (f(), t.assertIsNone(f())),
    "service_basic_new_with": lambda t, f: check_service_basic(t),
    "service_basic_new_without": lambda t, f: check_constructors(t),
    "service_basic_new_with_string": lambda t, f: check_constructors(t),
    "service_basic_new_failing": lambda t, f: check_constructors(t),
    "service_basic_method_u32": lambda t, f: check_service_basic(t),
    "service_basic_add_all": lambda t, f: check_service_errors(t),
    "service_basic_half": lambda t, f: check_service_errors(t),
    "service_basic_name_length": lambda t, f: check_constructors(t),
    "service_basic_fill": lambda t, f: check_fill(t),
    "service_basic_buffer": lambda t, f: check_buffer(t),
    "service_basic_panics_with_error": lambda t, f: (check_service_basic(t), check_service_errors(t)),
    "service_basic_panics_with_default": lambda t, f: check_service_basic(t),
    "service_basic_name": lambda t, f: check_constructors(t),
    "service_basic_add_ref": lambda t, f: check_service_basic(t),
    "service_basic_apply": lambda t, f: check_service_basic(t),
    "service_basic_store_callback": lambda t, f: check_store_callback(t),
    "service_basic_call_stored": lambda t, f: check_store_callback(t),
    "service_basic_checked_value": lambda t, f: check_service_basic(t),
    "service_basic_destroy": lambda t, f: check_destroy(t),
    "service_lifetime_new_with": lambda t, f: check_lifetime(t),
    "service_lifetime_sum": lambda t, f: check_lifetime(t),
    "service_lifetime_destroy": lambda t, f: check_lifetime(t),
}


class EveryFunction(unittest.TestCase):
    def test_every_exported_function_has_a_check(self) -> None:
        names = {f["name"] for f in IR["functions"]} - LEFT_OUT
        self.assertEqual(sorted(names - EXPECTATIONS.keys()), [], "IR functions without a check")
        self.assertEqual(sorted(EXPECTATIONS.keys() - names), [], "checks naming no IR function")
        for name in LEFT_OUT:
            self.assertFalse(hasattr(r, name), name)

    def test_every_exported_function(self) -> None:
        services = {f for s in IR["services"] for f in [s["destructor"], *(c["function"] for c in s["constructors"]), *(m["function"] for m in s["methods"])]}
        for name, check in EXPECTATIONS.items():
            with self.subTest(name):
                # Service shims are reached through their classes; every other function by its name.
                check(self, None if name in services else getattr(r, name))


class Idioms(unittest.TestCase):
    def test_primitive_functions_are_the_ctypes_functions(self) -> None:
        # No Python frame between the caller and ctypes: the module's function is the binding.
        for function in (r.primitive_u32, r.many_args_5, r.tupled, r.pattern_ffi_bool, r.pattern_ascii_pointer_1):
            self.assertIsInstance(function, ctypes._CFuncPtr)  # type: ignore[attr-defined]
        # Where the C types are the idiomatic ones, it is the CDLL's own function object.
        lib = r.init_lib(LIB_DIR)
        self.assertIs(r.primitive_u32, lib.primitive_u32)

    def test_the_raw_layer_keeps_the_c_behaviour(self) -> None:
        self.assertEqual(LIB.panics(), r.FFIError.Panic)
        self.assertEqual(LIB.pattern_ffi_bool(0), 1)
        self.assertEqual(LIB.pattern_ascii_pointer_2(), b"pattern string")

    def test_an_exception_in_a_callback_reaches_the_caller(self) -> None:
        def fail(_: int) -> int:
            raise KeyError("from the callback")

        with self.assertRaises(KeyError):
            r.pattern_callback_1(fail, 1)
        # The error enum a raising callback returns is the panic code.
        with self.assertRaises(ZeroDivisionError):
            r.pattern_callback_4(lambda v: v // 0, 1)

    def test_an_exception_in_a_kept_callback_goes_to_excepthook(self) -> None:
        caught: List[BaseException] = []

        def fail(_: int) -> int:
            raise KeyError("from a stored callback")

        saved = sys.excepthook
        sys.excepthook = lambda _type, error, _tb: caught.append(error)
        try:
            with r.ServiceBasic.new_with(1) as service:
                service.store_callback(fail)
                # Rust calls it during another call: Rust gets 0, the exception goes to excepthook.
                self.assertEqual(service.call_stored(5), 0)
        finally:
            sys.excepthook = saved
        self.assertEqual([type(e) for e in caught], [KeyError])

    def test_every_function_at_a_site_goes_through_its_one_c_pointer(self) -> None:
        def triple(x: int) -> int:
            return x * 3

        self.assertEqual(r.pattern_callback_1(triple, 14), 42)
        site = r._kept["pattern_callback_1.callback"]
        first = site.pointer
        self.assertEqual(r.pattern_callback_1(lambda x: x + 1, 2), 3)
        self.assertEqual(r.pattern_callback_1(triple, 2), 6)
        self.assertIs(site.pointer, first)

    def test_a_plain_function_rust_keeps_stays_callable_until_replaced(self) -> None:
        with r.ServiceBasic.new_with(1) as service:
            service.store_callback(lambda x: x * 3)
            gc.collect()
            self.assertEqual(r.pattern_callback_1(lambda x: x, 1), 1)  # another site in between
            self.assertEqual(service.call_stored(14), 42)
            service.store_callback(lambda x: x + 100)
            gc.collect()
            self.assertEqual(service.call_stored(1), 101)

    def test_a_call_from_inside_a_callback_at_the_same_site_gets_its_own_pointer(self) -> None:
        # The outer call holds the site: the inner one must not redirect the outer's callback.
        def outer(x: int) -> int:
            inner = r.pattern_callback_1(lambda y: y * 2, x)
            with self.assertRaises(KeyError):
                r.pattern_callback_1(lambda _: {}["missing"], x)
            return inner + 1

        self.assertEqual(r.pattern_callback_1(outer, 5), 11)
        self.assertEqual(r.pattern_callback_1(outer, 6), 13)
        # pattern_callback_2 calls its callback twice: the second outer call reaches the outer function.
        calls: Dict[str, List[int]] = {"outer": [], "inner": []}

        def outer_twice(v: int) -> None:
            calls["outer"].append(v)
            if len(calls["outer"]) == 1:
                r.pattern_callback_2(lambda w: calls["inner"].append(w), 1)

        r.pattern_callback_2(outer_twice, 5)
        self.assertEqual(calls, {"outer": [5, 5], "inner": [1, 1]})

    def test_threads_calling_one_site_each_get_their_own_callback(self) -> None:
        # The callback sleeps, so other threads run while one holds the site (ctypes and sleep
        # release the GIL): their calls get pointers of their own, and each gets its own answer.
        failures: List[str] = []

        def run(offset: int) -> None:
            for i in range(100):
                got = r.pattern_callback_1(lambda x: (time.sleep(0.0001), x + offset)[1], i)
                if got != i + offset:
                    failures.append(f"thread {offset}: {got} for {i}")

        threads = [threading.Thread(target=run, args=(k * 1000,)) for k in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [])

    def test_a_non_utf8_string_is_an_error_not_a_crash(self) -> None:
        with self.assertRaises(r.FFIErrorException) as caught:
            r.ServiceBasic.new_with_string(b"\xff\xfe")
        self.assertEqual(caught.exception.code, r.FFIError.Null)
        with self.assertRaises(r.FFIErrorException):
            r.pattern_error_from(b"\xff")

    def test_slices_reject_buffers_of_another_type(self) -> None:
        with self.assertRaises(TypeError):
            r.pattern_ffi_slice_1(array.array("d", [1.0]))
        with self.assertRaises(TypeError):
            r.pattern_ffi_slice_1(b"abcd")

    def test_a_shared_buffer_is_not_copied(self) -> None:
        numbers = array.array("I", [1, 2, 3])
        view = r.Slice_u32.of(numbers)
        numbers[0] = 40
        self.assertEqual(view[0], 40)

    def test_init_lib_finds_the_library_and_checks_the_api(self) -> None:
        self.assertIsNotNone(r.init_lib(os.path.join(LIB_DIR, "libreference.so")))
        with self.assertRaises(FileNotFoundError):
            r.init_lib(os.path.dirname(os.environ["INTEROPC_IR"]))
        saved = r.API_HASH
        r.API_HASH = saved ^ 1
        try:
            with self.assertRaisesRegex(RuntimeError, "regenerate the bindings or rebuild the library"):
                r.init_lib(LIB_DIR)
        finally:
            r.API_HASH = saved
            r.init_lib(LIB_DIR)


if __name__ == "__main__":
    unittest.main()
