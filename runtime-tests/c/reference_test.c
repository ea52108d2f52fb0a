/* Calls every function of the reference project through the generated header and checks the
 * results. Valid C99 and C++ (no designated initializers, no compound literals). */
#include "reference.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int passed = 0;
static int failed = 0;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            passed++;                                                          \
        } else {                                                               \
            failed++;                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                      \
    } while (0)

static uint8_t add_one(uint8_t x) { return (uint8_t)(x + 1); }
static uint32_t times_three(uint32_t x) { return x * 3; }
static uint32_t add_context(const void *ctx, uint32_t value) { return *(const uint32_t *)ctx + value; }

static void primitives(void) {
    primitive_void();
    primitive_void2();
    CHECK(primitive_bool(true) == false);
    CHECK(primitive_bool(false) == true);
    CHECK(primitive_u8(255) == 0);
    CHECK(primitive_u16(41) == 42);
    CHECK(primitive_u32(0) == 1);
    CHECK(primitive_u32(4294967295U) == 0);
    CHECK(primitive_u64(18446744073709551615ULL) == 0);
    CHECK(primitive_i8(127) == -128);
    CHECK(primitive_i16(-1) == 0);
    CHECK(primitive_i32(-43) == -42);
    CHECK(primitive_i64(9000000000LL) == 9000000001LL);
    CHECK(primitive_f32(1.5f) == 3.0f);
    CHECK(primitive_f64(-2.25) == -4.5);
    CHECK(many_args_5(1, 2, 3, 4, 5) == 15);
    CHECK(many_args_10(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) == 55);
}

static void pointers(void) {
    int64_t value = 7;
    const int64_t *value_ptr = &value;
    CHECK(ptr(&value) == &value);
    CHECK(ptr_mut(&value) == &value);
    CHECK(value == -7);
    CHECK(ptr_mut(NULL) == NULL);
    CHECK(ptr_ptr(&value_ptr) == -7);
    CHECK(ptr_ptr(NULL) == 0);
    CHECK(ref_simple(&value) == -7);
    CHECK(ref_mut_simple(&value) == -14);
    CHECK(value == -14);
    CHECK(ref_option(&value) == true);
    CHECK(ref_option(NULL) == false);
    CHECK(ref_mut_option(&value) == true);
    CHECK(value == 42);
    CHECK(ref_mut_option(NULL) == false);
    {
        uint32_t raw = 99;
        CHECK(unsafe_read(&raw) == 99);
    }
}

static void structs(void) {
    Tupled t;
    Vec3f32 v;
    Array a;
    BoolField b;
    Packed1 p1;
    Packed2 p2;
    Aligned16 al;
    Private pr;
    Outer o;
    IntOrFloat u;
    Node n1;
    Node n2;
    t._0 = 21;
    CHECK(tupled(t)._0 == 42);
    t._0 = 200;
    CHECK(tupled(t)._0 == 144);
    CHECK(transparent_add(40, 2) == 42);
    v.x = 1.0f;
    v.y = 2.0f;
    v.z = 2.0f;
    CHECK(vec3_length_squared(v) == 9.0f);
    CHECK(vec3_scale(&v, 2.0f).z == 4.0f);
    CHECK(vec3_scale(NULL, 2.0f).x == 0.0f);
    memset(&a, 0, sizeof a);
    array_fill(&a, 3);
    CHECK(a.data[15] == 3);
    CHECK(array_sum(a) == 48);
    b.a = 40;
    b.flag = true;
    b.b = 2;
    CHECK(bool_field_check(b) == 42);
    b.flag = false;
    CHECK(bool_field_check(b) == 0);
    p1.x = 2;
    p1.y = 40;
    CHECK(packed_to_unpacked(&p1) == 40);
    CHECK(packed_to_unpacked(NULL) == 0);
    CHECK(packed_by_value(p1) == 42);
    p2.x = 1;
    p2.y = 2;
    p2.z = 3;
    CHECK(packed2_sum(&p2) == 6);
    CHECK(packed2_sum(NULL) == 0);
    al.value = 16;
    CHECK(aligned_value(al) == 16);
    pr = private_new(21);
    CHECK(pr.visible == 21);
    CHECK(private_hidden(pr) == 42);
    o.inner.v = -2;
    o.count = 44;
    CHECK(outer_sum(o) == 42);
    u.f = 1.0f;
    CHECK(union_bits(u) == 0x3f800000U);
    {
        /* Data enums: repr(C) is a tag and a union of the variants, repr(u8) a union of tagged variants. */
        Shape rect, circle;
        Event key, scroll, quit, released, reversed, still;
        rect.tag = Shape_Tag_Rect;
        rect.body.rect._0 = 3.0f;
        rect.body.rect._1 = 4.0f;
        CHECK(shape_area(rect) == 12.0f);
        circle.tag = Shape_Tag_Circle;
        circle.body.circle.radius = 2.0f;
        CHECK(shape_area(circle) == 12.0f);
        key.key.tag = Event_Tag_Key;
        key.key.code = 65;
        key.key.pressed = true;
        released = event_next(key);
        CHECK(released.tag == Event_Tag_Key && released.key.code == 65 && !released.key.pressed);
        scroll.scroll.tag = Event_Tag_Scroll;
        scroll.scroll._0 = 3;
        scroll.scroll._1 = 9;
        reversed = event_next(scroll);
        CHECK(reversed.tag == Event_Tag_Scroll && reversed.scroll._0 == -3 && reversed.scroll._1 == 9);
        quit.tag = Event_Tag_Quit;
        still = event_next(quit);
        CHECK(still.tag == Event_Tag_Quit);
    }
    n2.value = 40;
    n2.next = NULL;
    n1.value = 2;
    n1.next = &n2;
    CHECK(list_sum(&n1) == 42);
    CHECK(list_sum(NULL) == 0);
}

static void generics_and_names(void) {
    uint32_t x32 = 40;
    uint8_t x8 = 9;
    Generic_u32 g32;
    Generic_u8 g8;
    Phantom_u8 ph;
    GenericU32 alias;
    Weird2_u8_5 w;
    Vec1 v1;
    Vec2 v2;
    Vec3 v3;
    Opaque_u32 *op;
    int i;
    g32.x = &x32;
    ph.x = 2;
    CHECK(generic_1a(g32, ph) == 42);
    g8.x = &x8;
    CHECK(generic_1b(g8) == 9);
    alias.x = &x32;
    CHECK(generic_alias(alias) == 120);
    w.t = 1;
    for (i = 0; i < 5; i++) w.a[i] = (uint8_t)(i + 1);
    CHECK(weird2_sum(w) == 16);
    v1.x = 1.0f;
    v1.y = 2.0f;
    CHECK(ambiguous_1(v1).y == 3.0f);
    v2.x = 1.0;
    v2.z = 2.5;
    CHECK(ambiguous_2(v2).z == 5.0);
    CHECK(ambiguous_3(v1, v2) == true);
    v3.x = 40.0;
    v3.y = 2.0;
    CHECK(common_vec(v3) == 42.0);
    op = opaque_new(1234);
    CHECK(op != NULL);
    CHECK(opaque_get(op) == 1234);
    CHECK(opaque_get(NULL) == 0);
    opaque_destroy(op);
    opaque_destroy(NULL);
}

static void enums_and_errors(void) {
    Vec3f32 v;
    Tupled t;
    CHECK(sizeof(EnumU8) == 1);
    CHECK(EnumU8_A == 1 && EnumU8_B == 2 && EnumU8_C == 10 && EnumU8_D == 11);
    CHECK(enum_u8_next(EnumU8_B) == EnumU8_C);
    CHECK(enum_u8_next(EnumU8_D) == EnumU8_A);
    CHECK(sizeof(EnumI32) == 4);
    CHECK(enum_i32_value(EnumI32_Neg) == -5);
    CHECK(enum_i32_value(EnumI32_Big) == 1000000);
    CHECK(implicit_next(Implicit_First) == Implicit_Second);
    CHECK(implicit_next(Implicit_Third) == Implicit_First);
    CHECK(FFIError_Ok == 0 && FFIError_Null == 100 && FFIError_Panic == 200 && FFIError_Fail == 300);
    CHECK(panics() == FFIError_Panic);
    v.x = 0.0f;
    v.y = 0.0f;
    v.z = 0.0f;
    t._0 = 1;
    CHECK(complex_args_1(v, &t) == FFIError_Ok);
    CHECK(complex_args_1(v, NULL) == FFIError_Null);
    CHECK(fails_if(11) == FFIError_Fail);
    CHECK(fails_if(3) == FFIError_Ok);
}

static void callbacks_and_strings(void) {
    Counter *c;
    uint32_t context = 40;
    CallbackU8 doubler;
    CHECK(callback(add_one, 41) == 42);
    CHECK(callback_inline(times_three, 14) == 42);
    CHECK(callback_with_context(add_context, &context, 2) == 42);
    CHECK(callback_optional(add_one, 1) == 2);
    CHECK(callback_optional(NULL, 7) == 7);
    doubler = get_doubler();
    CHECK(doubler(21) == 42);
    c = counter_new();
    CHECK(counter_increment(c) == 1);
    CHECK(counter_increment(c) == 2);
    CHECK(counter_increment(NULL) == 0);
    counter_destroy(c);
    counter_destroy(NULL);
    CHECK(string_length("hello") == 5);
    CHECK(string_length(NULL) == 0);
    CHECK(strcmp(static_string(), "hello from rust") == 0);
    sleep(1);
}

static void constants(void) {
    CHECK(U8 == 255);
    CHECK(F32_MIN_POSITIVE == 1.17549435e-38f);
    CHECK(COMPUTED_I32 == 715827881);
    CHECK(SHIFTED == 16);
    CHECK(NEGATIVE == -21);
    CHECK(ENABLED == true);
    CHECK(strcmp(GREETING, "hello") == 0);
    CHECK(BIG_U64 == 18446744073709551614ULL);
    CHECK(MIN_I64 == INT64_MIN);
    CHECK(PI_F64 == 3.141592653589793);
    CHECK(MASK == 0xFF00);
    CHECK(LETTER == 'A');
    CHECK(REFERENCE_API_HASH != 0);
    /* The library's guard returns the hash this header was generated for. */
    CHECK(pattern_api_guard() == REFERENCE_API_HASH);
}

static uint8_t last_of_slice(Slice_u8 values) {
    return values.len == 10 ? values.data[9] : 0;
}

static uint32_t triple(uint32_t value) {
    return value * 3;
}

static uint32_t notified = 0;
static void count_notification(uint32_t value) {
    notified += value;
}

static void pattern_callbacks(void) {
    CHECK(pattern_ffi_slice_delegate(last_of_slice) == 9);
    CHECK(pattern_ffi_slice_delegate(NULL) == 0);
    CHECK(pattern_callback_1(triple, 14) == 42);
    CHECK(pattern_callback_1(NULL, 14) == 14);
    CHECK(pattern_callback_2(count_notification, 21) == 1);
    CHECK(notified == 42);
    CHECK(pattern_callback_2(NULL, 1) == 0);
}

static uint32_t add_to_context(const void *context, uint32_t value) {
    return *(const uint32_t *)context + value;
}

static FFIError fail_odd(uint32_t value) {
    return value % 2 ? FFIError_Fail : FFIError_Ok;
}

static uint8_t huge_checksum(Slice_u8 values) {
    uint64_t i;
    uint8_t sum = 0;
    for (i = 0; i < values.len; i++) sum = (uint8_t)(sum + values.data[i]);
    return values.len == 100000 ? sum : 0;
}

static void more_patterns(void) {
    uint32_t numbers[] = {40, 2};
    Slice_u32 slice = {numbers, 2};
    CHECK(pattern_ffi_slice_3(&slice) == 42);
    Slice_u8 fixed = pattern_ffi_slice_4();
    CHECK(fixed.len == 4 && fixed.data[0] == 1 && fixed.data[3] == 4);
    Vec3 vecs[] = {{1.5, 2.5}, {10.0, 28.0}};
    Slice_Vec3 vec_slice = {vecs, 2};
    CHECK(pattern_ffi_slice_5(vec_slice) == 42.0);
    {
        /* Expected: the byte sum of (i % 251) for i < 100000, modulo 256. */
        uint32_t i;
        uint8_t expected = 0;
        for (i = 0; i < 100000; i++) expected = (uint8_t)(expected + (uint8_t)(i % 251));
        CHECK(pattern_ffi_slice_delegate_huge(huge_checksum) == expected);
    }
    {
        uint32_t forty = 40;
        CHECK(pattern_callback_3(add_to_context, &forty, 2) == 42);
        CHECK(pattern_callback_3(NULL, &forty, 2) == 0);
    }
    CHECK(pattern_callback_4(fail_odd, 3) == FFIError_Fail);
    CHECK(pattern_callback_4(fail_odd, 4) == FFIError_Ok);
    CHECK(pattern_callback_4(NULL, 4) == FFIError_Null);
    CHECK(pattern_error_from("123") == FFIError_Ok);
    CHECK(pattern_error_from("12a") == FFIError_Fail);
    CHECK(pattern_error_from(NULL) == FFIError_Null);
}

static uint32_t from_thread = 0;
static void record_from_thread(uint32_t value) {
    from_thread = value;
}

static void attribute_macros(void) {
    StructRenamed renamed = {21};
    OpaqueByAttribute *opaque = opaque_attribute_new(42);
    char buffer[8];
    CHECK(renamed_struct(renamed) == 42);
    CHECK(opaque_attribute_take(opaque) == 42);
    CHECK(opaque_attribute_take(NULL) == 0);
    CHECK(write_c_string(buffer, sizeof buffer) == 5 && strcmp(buffer, "hello") == 0);
    CHECK(write_c_string(buffer, 3) == 0);
    CHECK(write_c_string(NULL, 8) == 0);
    CHECK(c_char_next('a') == 'b');
    CHECK(sizeof(ExtraType) == 16);
    CHECK(macro_panics_with_error() == FFIError_Panic);
    CHECK(macro_panics_with_default() == 0);
}

static void thread_callback(void) {
    pattern_callback_thread(record_from_thread, 42);
    pattern_callback_thread_wait();
    CHECK(from_thread == 42);
    pattern_callback_thread(NULL, 1);
    pattern_callback_thread_wait();
    CHECK(from_thread == 42);
}

static void more_services(void) {
    ServiceBasic *service = NULL;
    uint32_t two = 2;
    uint8_t bytes[] = {10, 20, 12};
    Slice_u8 borrowed = {bytes, 3};
    ServiceLifetime *lifetime = NULL;
    CHECK(service_basic_new_with_string(&service, "named") == FFIError_Ok);
    CHECK(strcmp(service_basic_name(service), "named") == 0);
    service_basic_add_ref(service, &two);
    CHECK(service_basic_checked_value(service) == 2);
    CHECK(service_basic_apply(service, triple) == 6);
    CHECK(service_basic_apply(service, NULL) == 2);
    CHECK(service_basic_call_stored(service, 5) == 5);
    service_basic_store_callback(service, triple);
    CHECK(service_basic_call_stored(service, 5) == 15);
    CHECK(service_basic_destroy(&service) == FFIError_Ok);

    CHECK(service_lifetime_new_with(&lifetime, borrowed) == FFIError_Ok);
    CHECK(service_lifetime_sum(lifetime) == 42);
    CHECK(service_lifetime_destroy(&lifetime) == FFIError_Ok && lifetime == NULL);
}

static void services(void) {
    ServiceBasic *service = NULL;
    CHECK(service_basic_new_with(&service, 40) == FFIError_Ok && service != NULL);
    CHECK(service_basic_method_u32(service, 2) == 42);
    uint32_t values[] = {1, 1};
    Slice_u32 slice = {values, 2};
    CHECK(service_basic_add_all(service, slice) == FFIError_Ok);
    CHECK(service_basic_method_u32(service, 0) == 42);
    Slice_u32 empty = {NULL, 0};
    CHECK(service_basic_add_all(service, empty) == FFIError_Fail);
    uint32_t half = 0;
    CHECK(service_basic_half(service, &half) == FFIError_Ok && half == 21);
    CHECK(service_basic_half(service, NULL) == FFIError_Null);
    uint8_t bytes[3] = {0};
    SliceMut_u8 out = {bytes, 3};
    service_basic_fill(service, out);
    CHECK(bytes[0] == 42 && bytes[2] == 42);
    Slice_u8 buffer = service_basic_buffer(service);
    CHECK(buffer.len == 3 && buffer.data[1] == 42);
    CHECK(service_basic_panics_with_error(service) == FFIError_Panic);
    CHECK(service_basic_panics_with_default(service) == 0);
    CHECK(service_basic_name_length(service) == 0);
    CHECK(service_basic_destroy(&service) == FFIError_Ok && service == NULL);
    CHECK(service_basic_destroy(&service) == FFIError_Null);
    CHECK(service_basic_destroy(NULL) == FFIError_Null);

    CHECK(service_basic_new_without(&service) == FFIError_Ok);
    CHECK(service_basic_method_u32(service, 7) == 7);
    CHECK(service_basic_destroy(&service) == FFIError_Ok);
    CHECK(service_basic_new_with_string(&service, "named") == FFIError_Ok);
    CHECK(service_basic_name_length(service) == 5);
    CHECK(service_basic_destroy(&service) == FFIError_Ok);
    CHECK(service_basic_new_with_string(&service, NULL) == FFIError_Null && service == NULL);
    CHECK(service_basic_new_failing(&service, 1) == FFIError_Fail && service == NULL);
    CHECK(service_basic_new_with(NULL, 1) == FFIError_Null);
    CHECK(service_basic_add_all(NULL, slice) == FFIError_Null);
}

static void patterns(void) {
    uint32_t numbers[] = {1, 2, 39};
    Slice_u32 slice = {numbers, 3};
    Slice_u32 empty = {NULL, 5};
    CHECK(pattern_ffi_slice_1(slice) == 42);
    CHECK(pattern_ffi_slice_1(empty) == 0);

    Vec3f32 points[] = {{1.0f, 2.0f, 3.0f}, {4.0f, 5.0f, 6.0f}};
    Slice_Vec3f32 point_slice = {points, 2};
    Vec3f32 second = pattern_ffi_slice_2(point_slice, 1);
    CHECK(second.x == 4.0f && second.y == 5.0f && second.z == 6.0f);
    Vec3f32 outside = pattern_ffi_slice_2(point_slice, 2);
    CHECK(outside.x == 0.0f && outside.y == 0.0f && outside.z == 0.0f);
    CHECK(pattern_ffi_slice_2(point_slice, -1).x == 0.0f);

    uint8_t bytes[4] = {0};
    SliceMut_u8 writable = {bytes, 4};
    CHECK(pattern_ffi_slice_mut_1(writable, 7) == 4);
    CHECK(bytes[0] == 7 && bytes[3] == 7);

    FfiOption_Inner some = {{-5}, 1};
    FfiOption_Inner none = {{9}, 0};
    FfiOption_Inner same = pattern_ffi_option_1(some);
    CHECK(same.is_some == 1 && same.t.v == -5);
    CHECK(pattern_ffi_option_2(some).v == -5);
    CHECK(pattern_ffi_option_2(none).v == -1);

    CHECK(pattern_ffi_bool(0) == 1);
    CHECK(pattern_ffi_bool(7) == 0);

    CHECK(pattern_ascii_pointer_1("hello") == 5);
    CHECK(pattern_ascii_pointer_1(NULL) == 0);
    CHECK(pattern_ascii_pointer_1("bad \xff utf8") == 0);
    CHECK(strcmp(pattern_ascii_pointer_2(), "pattern string") == 0);
    UseAsciiStringPattern holder = {"four"};
    CHECK(pattern_ascii_pointer_3(holder) == 4);
    AsciiPointer words[] = {"ab", NULL, "cde"};
    Slice_AsciiPointer word_slice = {words, 3};
    CHECK(pattern_ascii_pointer_4(word_slice) == 5);
}

int main(void) {
    patterns();
    pattern_callbacks();
    services();
    more_patterns();
    more_services();
    thread_callback();
    attribute_macros();
    primitives();
    pointers();
    structs();
    generics_and_names();
    enums_and_errors();
    callbacks_and_strings();
    constants();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
