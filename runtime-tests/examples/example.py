"""A short tour of the generated Python module (`npm run example`).

Usage: python3 example.py <directory of the library>, with the module on PYTHONPATH.
"""

import sys

import reference as r

r.init_lib(sys.argv[1])  # loads libreference.so from the directory and checks the API guard

print("primitive_u32(41)              =", r.primitive_u32(41))
print("pattern_ascii_pointer_1('héllo') =", r.pattern_ascii_pointer_1("héllo"), "bytes of UTF-8")
print("pattern_ffi_slice_1([1, 2, 39]) =", r.pattern_ffi_slice_1([1, 2, 39]))
print("callback(lambda x: x + 1, 41)  =", r.callback(lambda x: x + 1, 41))
print("pattern_ffi_option_1(None)     =", r.pattern_ffi_option_1(None))
try:
    r.panics()
except r.FFIErrorException as error:
    print("panics() raised                =", error)
with r.ServiceBasic.new_with(40) as service:
    print("service.method_u32(2)          =", service.method_u32(2))
    print("service.half()                 =", service.half())
