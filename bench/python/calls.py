"""ns per call: the generated module beside hand-written ctypes code doing the same thing.

Usage: python3 calls.py <directory of the generated module> <directory of the library>
Prints one JSON object: {"number": calls per round, "rounds": rounds, "rows": {construct: [generated_ns, handwritten_ns]}}.

The hand-written side is what a careful ctypes user writes: exact argtypes, functions called
through a local name, conversions done inline at the call site (no helper function). Both sides
are timed in alternating rounds and the best round counts, so drift on a busy machine hits both.
"""

import array
import ctypes
import json
import sys
import timeit

sys.path.insert(0, sys.argv[1])
import reference as gen  # noqa: E402

gen.init_lib(sys.argv[2])
lib = ctypes.CDLL(f"{sys.argv[2]}/libreference.so")


class Tupled(ctypes.Structure):
    _fields_ = [("_0", ctypes.c_uint8)]


class Vec3f32(ctypes.Structure):
    _fields_ = [("x", ctypes.c_float), ("y", ctypes.c_float), ("z", ctypes.c_float)]


class SliceU8(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_uint64)]


class SliceU32(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint32)), ("len", ctypes.c_uint64)]


U8ToU8 = ctypes.CFUNCTYPE(ctypes.c_uint8, ctypes.c_uint8)
SliceToU8 = ctypes.CFUNCTYPE(ctypes.c_uint8, SliceU8)
signatures = {
    "primitive_void": ([], None),
    "primitive_u32": ([ctypes.c_uint32], ctypes.c_uint32),
    "many_args_5": ([ctypes.c_int64] * 5, ctypes.c_int64),
    "ptr": ([ctypes.POINTER(ctypes.c_int64)], ctypes.POINTER(ctypes.c_int64)),
    "tupled": ([Tupled], Tupled),
    "complex_args_1": ([Vec3f32, ctypes.POINTER(Tupled)], ctypes.c_int),
    "callback": ([U8ToU8, ctypes.c_uint8], ctypes.c_uint8),
    "pattern_ffi_slice_delegate": ([SliceToU8], ctypes.c_uint8),
    "pattern_ascii_pointer_1": ([ctypes.c_char_p], ctypes.c_uint32),
    "pattern_ffi_slice_1": ([SliceU32], ctypes.c_uint32),
    "service_basic_new_with": ([ctypes.POINTER(ctypes.c_void_p), ctypes.c_uint32], ctypes.c_int),
    "service_basic_method_u32": ([ctypes.c_void_p, ctypes.c_uint32], ctypes.c_uint32),
    "service_basic_destroy": ([ctypes.POINTER(ctypes.c_void_p)], ctypes.c_int),
}
h = {}
for name, (argtypes, restype) in signatures.items():
    function = getattr(lib, name)
    function.argtypes, function.restype = argtypes, restype
    h[name] = function


class HandService:
    """A hand-written class over the service's handle: what ctypes users write for a service."""

    def __init__(self, value: int) -> None:
        self._handle = ctypes.c_void_p()
        if h["service_basic_new_with"](ctypes.byref(self._handle), value) != 0:
            raise RuntimeError("service_basic_new_with failed")

    def method_u32(self, x: int) -> int:
        return h["service_basic_method_u32"](self._handle, x)

    def close(self) -> None:
        h["service_basic_destroy"](ctypes.byref(self._handle))


value = ctypes.c_int64(1)
pointer = ctypes.pointer(value)
gen_tupled, hand_tupled = gen.Tupled(1), Tupled(1)
gen_vec, hand_vec = gen.Vec3f32(1, 2, 3), Vec3f32(1, 2, 3)
gen_cb, hand_cb = gen.CallbackU8(lambda x: x), U8ToU8(lambda x: x)
numbers_list = list(range(64))
numbers_array = array.array("I", numbers_list)
service = gen.ServiceBasic.new_with(1)
hand_service = HandService(1)


def hand_ascii_pointer_1(s, _f=h["pattern_ascii_pointer_1"]):
    """A hand-written binding's function for a `const char*` parameter that takes str or bytes, as
    the generated one does: the conversion in the function instead of at each call site."""
    return _f(s.encode() if s.__class__ is str else s)


def identity(x: int) -> int:
    return x


def zero(_slice: object) -> int:
    return 0


def guarded_callback(function, errors):
    """What careful hand-written code passes instead of a bare function: an exception the callback
    raises must reach the caller, not be printed and dropped by ctypes."""

    def call(*args):
        try:
            return function(*args)
        except BaseException as error:
            errors.append(error)
            return 0

    return U8ToU8(call)


def hand_callback(f, function, value):
    errors = []
    result = f(guarded_callback(function, errors), value)
    if errors:
        raise errors[0]
    return result


def raises_on_error(code: int) -> None:
    if code != 0:
        raise RuntimeError(code)


P32 = ctypes.POINTER(ctypes.c_uint32)
g = gen
cases = {
    "primitive_void()": (lambda f=g.primitive_void: f(), lambda f=h["primitive_void"]: f()),
    "primitive_u32(0)": (lambda f=g.primitive_u32: f(0), lambda f=h["primitive_u32"]: f(0)),
    "many_args_5(0 × 5)": (lambda f=g.many_args_5: f(0, 0, 0, 0, 0), lambda f=h["many_args_5"]: f(0, 0, 0, 0, 0)),
    "ptr(p)": (lambda f=g.ptr: f(pointer), lambda f=h["ptr"]: f(pointer)),
    "tupled(t)": (lambda f=g.tupled: f(gen_tupled), lambda f=h["tupled"]: f(hand_tupled)),
    "complex_args_1(v, &t), error code → exception": (
        lambda f=g.complex_args_1: f(gen_vec, ctypes.byref(gen_tupled)),
        lambda f=h["complex_args_1"]: None if f(hand_vec, ctypes.byref(hand_tupled)) == 0 else raises_on_error(1),
    ),
    "callback(function pointer made once, 0)": (lambda f=g.callback: f(gen_cb, 0), lambda f=h["callback"]: f(hand_cb, 0)),
    "callback(identity, 0), the same Python function each call": (lambda f=g.callback: f(identity, 0), lambda f=h["callback"]: f(U8ToU8(identity), 0)),
    "callback(identity, 0), hand code re-raises the callback's exception too": (
        lambda f=g.callback: f(identity, 0),
        lambda f=h["callback"]: hand_callback(f, identity, 0),
    ),
    "callback(lambda x: x, 0), a new lambda each call": (
        lambda f=g.callback: f(lambda x: x, 0),
        lambda f=h["callback"]: f(U8ToU8(lambda x: x), 0),
    ),
    "callback(lambda x: x, 0), a new lambda each call, hand code re-raises too": (
        lambda f=g.callback: f(lambda x: x, 0),
        lambda f=h["callback"]: hand_callback(f, lambda x: x, 0),
    ),
    "pattern_ffi_slice_delegate(zero), the same function each call": (
        lambda f=g.pattern_ffi_slice_delegate: f(zero),
        lambda f=h["pattern_ffi_slice_delegate"]: f(SliceToU8(zero)),
    ),
    'pattern_ascii_pointer_1(b"hello world")': (
        lambda f=g.pattern_ascii_pointer_1: f(b"hello world"),
        lambda f=h["pattern_ascii_pointer_1"]: f(b"hello world"),
    ),
    'pattern_ascii_pointer_1("hello world")': (
        lambda f=g.pattern_ascii_pointer_1: f("hello world"),
        lambda f=h["pattern_ascii_pointer_1"]: f("hello world".encode()),
    ),
    'pattern_ascii_pointer_1(str or bytes, here "hello world")': (
        lambda f=g.pattern_ascii_pointer_1: f("hello world"),
        lambda f=h["pattern_ascii_pointer_1"], s="hello world": f(s.encode() if s.__class__ is str else s),
    ),
    'pattern_ascii_pointer_1("hello world"), hand-written binding function (str or bytes)': (
        lambda f=g.pattern_ascii_pointer_1: f("hello world"),
        lambda f=hand_ascii_pointer_1: f("hello world"),
    ),
    'pattern_ascii_pointer_1(b"hello world"), hand-written binding function (str or bytes)': (
        lambda f=g.pattern_ascii_pointer_1: f(b"hello world"),
        lambda f=hand_ascii_pointer_1: f(b"hello world"),
    ),
    "pattern_ffi_slice_1(list of 64)": (
        lambda f=g.pattern_ffi_slice_1: f(numbers_list),
        lambda f=h["pattern_ffi_slice_1"]: f(SliceU32(ctypes.cast((ctypes.c_uint32 * len(numbers_list))(*numbers_list), P32), len(numbers_list))),
    ),
    "pattern_ffi_slice_1(array.array of 64, shared)": (
        lambda f=g.pattern_ffi_slice_1: f(numbers_array),
        lambda f=h["pattern_ffi_slice_1"]: f(SliceU32(ctypes.cast((ctypes.c_uint32 * len(numbers_array)).from_buffer(numbers_array), P32), len(numbers_array))),
    ),
    "service.method_u32(2)": (lambda m=service.method_u32: m(2), lambda m=hand_service.method_u32: m(2)),
}

number, rounds = 10000, 30
best = {name: [float("inf"), float("inf")] for name in cases}
for round_ in range(rounds):
    for name, pair in cases.items():
        # Each side goes first in every other round, so neither gains from running second.
        for side in (0, 1) if round_ % 2 == 0 else (1, 0):
            best[name][side] = min(best[name][side], timeit.timeit(pair[side], number=number) / number * 1e9)
service.close()
hand_service.close()
print(json.dumps({"number": number, "rounds": rounds, "rows": {name: [round(ns, 1) for ns in pair] for name, pair in best.items()}}))
