# Profiling (--profile, METALFPGA_PROFILE*), scripts/runtime-profile, and the standalone host of
# --emit-host built against libmetalfpga_host.a and compared with the normal run (on CUDA too
# where a GPU is present).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
set(profile_design ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/blocking.v)

add_test(NAME profile.cli
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/profile/profile_cli_check.py
                 --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/profile-cache
                 ${profile_design})
add_test(NAME profile.runtime_profile_script
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/profile/runtime_profile_check.py
                 --script ${CMAKE_SOURCE_DIR}/scripts/runtime-profile
                 --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/profile-cache
                 ${profile_design})
set(host_flags "")
if(METALFPGA_SANITIZE)
    set(host_flags "-fsanitize=address,undefined")
endif()
add_test(NAME profile.standalone_host
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/profile/standalone_host_check.py
                 --bin $<TARGET_FILE:metalfpga_cli> --cxx ${CMAKE_CXX_COMPILER}
                 --cxx-flags=${host_flags} --src ${CMAKE_SOURCE_DIR}
                 --lib-dir $<TARGET_FILE_DIR:metalfpga_host>
                 --cuda-build $<IF:$<TARGET_EXISTS:metalfpga_backend_cuda>,1,0>
                 ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/plusargs.v
                 ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/readmem.v
                 ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/sys_sformat.v
                 ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/strength_drive.v)
set_tests_properties(profile.cli profile.runtime_profile_script profile.standalone_host
                     PROPERTIES LABELS profile TIMEOUT 600)
