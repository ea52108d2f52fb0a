"""ns per call: the generated module beside a hand-written ctypes binding of the same functions.

Usage: python3 calls.py <directory of the generated module> <directory of the library>
Prints one JSON object: {construct: [generated_ns, handwritten_ns]}.
"""

import ctypes
import json
import sys
import timeit

sys.path.insert(0, sys.argv[1])
import reference as gen  # noqa: E402

gen.init_lib(sys.argv[2])
lib = ctypes.CDLL(f"{sys.argv[2]}/libreference.so")

# The hand-written binding: what a careful ctypes user writes.
lib.primitive_void.argtypes, lib.primitive_void.restype = [], None
lib.primitive_u32.argtypes, lib.primitive_u32.restype = [ctypes.c_uint32], ctypes.c_uint32
lib.many_args_5.argtypes, lib.many_args_5.restype = [ctypes.c_int64] * 5, ctypes.c_int64
lib.ptr.argtypes, lib.ptr.restype = [ctypes.POINTER(ctypes.c_int64)], ctypes.POINTER(ctypes.c_int64)


class Tupled(ctypes.Structure):
    _fields_ = [("_0", ctypes.c_uint8)]


class Vec3f32(ctypes.Structure):
    _fields_ = [("x", ctypes.c_float), ("y", ctypes.c_float), ("z", ctypes.c_float)]


class SliceU8(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_uint64)]


U8ToU8 = ctypes.CFUNCTYPE(ctypes.c_uint8, ctypes.c_uint8)
SliceToU8 = ctypes.CFUNCTYPE(ctypes.c_uint8, SliceU8)
lib.tupled.argtypes, lib.tupled.restype = [Tupled], Tupled
lib.complex_args_1.argtypes, lib.complex_args_1.restype = [Vec3f32, ctypes.POINTER(Tupled)], ctypes.c_int
lib.callback.argtypes, lib.callback.restype = [U8ToU8, ctypes.c_uint8], ctypes.c_uint8
lib.pattern_ffi_slice_delegate.argtypes, lib.pattern_ffi_slice_delegate.restype = [SliceToU8], ctypes.c_uint8
lib.pattern_ascii_pointer_1.argtypes, lib.pattern_ascii_pointer_1.restype = [ctypes.c_char_p], ctypes.c_uint32
lib.service_basic_new_with.argtypes, lib.service_basic_new_with.restype = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_uint32], ctypes.c_int
lib.service_basic_method_u32.argtypes, lib.service_basic_method_u32.restype = [ctypes.c_void_p, ctypes.c_uint32], ctypes.c_uint32
lib.service_basic_destroy.argtypes, lib.service_basic_destroy.restype = [ctypes.POINTER(ctypes.c_void_p)], ctypes.c_int

value = ctypes.c_int64(1)
pointer = ctypes.pointer(value)
gen_tupled = gen.Tupled(1)
hand_tupled = Tupled(1)
gen_vec, hand_vec = gen.Vec3f32(1, 2, 3), Vec3f32(1, 2, 3)
gen_cb, hand_cb = ctypes.CFUNCTYPE(ctypes.c_uint8, ctypes.c_uint8)(lambda x: x), U8ToU8(lambda x: x)
gen_slice_cb = gen.CallbackFFISlice(lambda s: 0)
hand_slice_cb = SliceToU8(lambda s: 0)
service = gen.ServiceBasic.new_with(1)
handle = ctypes.c_void_p()
lib.service_basic_new_with(ctypes.byref(handle), 1)


def bound(module: object, name: str) -> object:
    """The function object itself: both sides call it through a local name, as fast code does."""
    return getattr(module, name)


g, h = {}, {}
for name in ["primitive_void", "primitive_u32", "many_args_5", "ptr", "tupled", "complex_args_1", "callback", "pattern_ffi_slice_delegate", "pattern_ascii_pointer_1"]:
    g[name], h[name] = bound(gen, name), bound(lib, name)
g_method = service.method_u32
h_method = lib.service_basic_method_u32

cases = {
    "primitive_void()": (lambda f=g["primitive_void"]: f(), lambda f=h["primitive_void"]: f()),
    "primitive_u32(0)": (lambda f=g["primitive_u32"]: f(0), lambda f=h["primitive_u32"]: f(0)),
    "many_args_5(0 × 5)": (lambda f=g["many_args_5"]: f(0, 0, 0, 0, 0), lambda f=h["many_args_5"]: f(0, 0, 0, 0, 0)),
    "ptr(p)": (lambda f=g["ptr"]: f(pointer), lambda f=h["ptr"]: f(pointer)),
    "tupled(t)": (lambda f=g["tupled"]: f(gen_tupled), lambda f=h["tupled"]: f(hand_tupled)),
    "complex_args_1(v, &t), error code checked": (
        lambda f=g["complex_args_1"]: f(gen_vec, ctypes.byref(gen_tupled)),
        lambda f=h["complex_args_1"]: None if f(hand_vec, ctypes.byref(hand_tupled)) == 0 else 1 / 0,
    ),
    "callback(identity, 0)": (lambda f=g["callback"]: f(gen_cb, 0), lambda f=h["callback"]: f(hand_cb, 0)),
    "pattern_ffi_slice_delegate(cb)": (lambda f=g["pattern_ffi_slice_delegate"]: f(gen_slice_cb), lambda f=h["pattern_ffi_slice_delegate"]: f(hand_slice_cb)),
    "pattern_ascii_pointer_1(b'hello')": (lambda f=g["pattern_ascii_pointer_1"]: f(b"hello"), lambda f=h["pattern_ascii_pointer_1"]: f(b"hello")),
    "service method_u32(2)": (lambda f=g_method: f(2), lambda f=h_method: f(handle, 2)),
}

results = {}
for name, (generated, handwritten) in cases.items():
    number = 20000
    pair = []
    for function in (generated, handwritten):
        best = min(timeit.repeat(function, number=number, repeat=5))
        pair.append(round(best / number * 1e9, 1))
    results[name] = pair
service.close()
lib.service_basic_destroy(ctypes.byref(handle))
print(json.dumps(results))
