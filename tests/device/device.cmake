# Device compile check of the value library: tests/device/rt_device_check.cu instantiates
# every operator of Logic<W>/Bits<W> in a __global__ kernel and is compiled (not run) for
# sm_90, so device compatibility is checked on machines without a GPU. Skipped (reported
# as such by ctest) when nvcc is absent.
find_program(METALFPGA_NVCC nvcc HINTS /usr/local/cuda/bin ENV CUDA_PATH PATH_SUFFIXES bin)
if(METALFPGA_NVCC)
    message(STATUS "Device compile check uses ${METALFPGA_NVCC}")
    add_test(NAME rt_device_check
             COMMAND ${METALFPGA_NVCC} -std=c++17 -arch=sm_90 --fmad=false -Werror all-warnings
                     -I${CMAKE_SOURCE_DIR}/include -c ${CMAKE_CURRENT_LIST_DIR}/rt_device_check.cu
                     -o ${CMAKE_BINARY_DIR}/rt_device_check.o)
    set_tests_properties(rt_device_check PROPERTIES LABELS "rt;device" TIMEOUT 600)
    # The real math on the GPU against the host, bit for bit (built and run here; it skips
    # itself without a GPU). --fmad=false as the CUDA backend's NVRTC options.
    add_test(NAME realmath_device_check
             COMMAND sh -c "\"$0\" -std=c++17 -arch=sm_90 --fmad=false -Werror all-warnings \
                            -I\"$1\" \"$2\" -o \"$3\" && \"$3\""
                     ${METALFPGA_NVCC} ${CMAKE_SOURCE_DIR}/include
                     ${CMAKE_CURRENT_LIST_DIR}/realmath_device_check.cu
                     ${CMAKE_BINARY_DIR}/realmath_device_check)
    set_tests_properties(realmath_device_check PROPERTIES LABELS "rt;device" TIMEOUT 600
                         SKIP_REGULAR_EXPRESSION "skipped")
else()
    message(STATUS "nvcc not found: the device compile check rt_device_check will be skipped")
    add_test(NAME rt_device_check
             COMMAND ${CMAKE_COMMAND} -E echo "nvcc not found; rt_device_check skipped")
    set_tests_properties(rt_device_check PROPERTIES LABELS "rt;device"
                         SKIP_REGULAR_EXPRESSION "skipped")
endif()

# The same translation unit through NVRTC (no standard headers available), when the CUDA
# toolkit's NVRTC library is present.
find_path(METALFPGA_NVRTC_INCLUDE nvrtc.h HINTS /usr/local/cuda/include ENV CUDA_PATH
          PATH_SUFFIXES include)
find_library(METALFPGA_NVRTC_LIB nvrtc HINTS /usr/local/cuda/lib64 ENV CUDA_PATH
             PATH_SUFFIXES lib64)
if(METALFPGA_NVRTC_INCLUDE AND METALFPGA_NVRTC_LIB)
    add_executable(rt_nvrtc_check ${CMAKE_CURRENT_LIST_DIR}/rt_nvrtc_check.cpp)
    target_include_directories(rt_nvrtc_check PRIVATE ${METALFPGA_NVRTC_INCLUDE})
    target_link_libraries(rt_nvrtc_check PRIVATE ${METALFPGA_NVRTC_LIB})
    target_compile_options(rt_nvrtc_check PRIVATE ${METALFPGA_WARNINGS})
    add_test(NAME rt_nvrtc_check
             COMMAND rt_nvrtc_check ${CMAKE_CURRENT_LIST_DIR}/rt_device_check.cu
                     ${CMAKE_SOURCE_DIR}/include)
    set_tests_properties(rt_nvrtc_check PROPERTIES LABELS "rt;device" TIMEOUT 600)
else()
    message(STATUS "NVRTC not found: the NVRTC compile check rt_nvrtc_check will be skipped")
endif()

# Every golden test's model through NVRTC (compile only, no GPU), when the CUDA backend is built.
if(METALFPGA_CUDA_LIBS)
    find_package(Python3 COMPONENTS Interpreter REQUIRED)
    file(GLOB nvrtc_golden CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/verilog/sim/*.v)
    add_test(NAME nvrtc_models
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/nvrtc_models.py
                     --bin $<TARGET_FILE:metalfpga_cli>
                     # 2-state models: Bits values, resolved nets, casez wildcards, strengths
                     --two-state ${CMAKE_SOURCE_DIR}/tests/verilog/sim/two_state.v
                     --two-state ${CMAKE_SOURCE_DIR}/tests/verilog/sim/multi_driver.v
                     --two-state ${CMAKE_SOURCE_DIR}/tests/verilog/sim/strength_tran.v
                     --two-state ${CMAKE_SOURCE_DIR}/tests/verilog/sim/readmem.v
                     --two-state ${CMAKE_SOURCE_DIR}/tests/verilog/sim/force_part.v
                     ${nvrtc_golden})
    set_tests_properties(nvrtc_models PROPERTIES LABELS "device" TIMEOUT 1500)
endif()
