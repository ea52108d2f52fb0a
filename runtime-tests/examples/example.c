/* A short tour of the generated header: `npm run example` builds the reference library, generates
 * reference.h with interopc, compiles this file against both and runs it. */
#include "reference.h"
#include <stdio.h>

static uint8_t add_one(uint8_t x) { return (uint8_t)(x + 1); }

int main(void) {
    Vec3f32 v;
    Counter *counter;
    v.x = 1.0f;
    v.y = 2.0f;
    v.z = 2.0f;
    printf("primitive_u32(41)          = %u\n", (unsigned)primitive_u32(41));
    printf("many_args_5(1, 2, 3, 4, 5) = %lld\n", (long long)many_args_5(1, 2, 3, 4, 5));
    printf("vec3_length_squared(v)     = %.1f\n", (double)vec3_length_squared(v));
    printf("callback(add_one, 41)      = %u\n", (unsigned)callback(add_one, 41));
    printf("panics()                   = %d (FFIError_Panic = %d)\n", (int)panics(), (int)FFIError_Panic);
    counter = counter_new();
    counter_increment(counter);
    printf("counter_increment(c)       = %llu\n", (unsigned long long)counter_increment(counter));
    counter_destroy(counter);
    printf("static_string()            = %s\n", static_string());
    printf("COMPUTED_I32               = %d\n", COMPUTED_I32);
    printf("API hash                   = 0x%016llx (library: 0x%016llx)\n", (unsigned long long)REFERENCE_API_HASH, (unsigned long long)pattern_api_guard());
    {
        uint32_t numbers[] = {1, 2, 39};
        Slice_u32 slice = {numbers, 3};
        ServiceBasic *service = NULL;
        printf("pattern_ffi_slice_1({1,2,39}) = %u\n", (unsigned)pattern_ffi_slice_1(slice));
        if (service_basic_new_with(&service, 40) == FFIError_Ok) {
            printf("service_basic_method_u32(s, 2) = %u\n", (unsigned)service_basic_method_u32(service, 2));
            service_basic_destroy(&service);
        }
    }
    return 0;
}
