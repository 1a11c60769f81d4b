# Reliability (bad inputs, signals, output errors, archive faults, CPU/GPU agreement, the
# differential fuzzer): every tests/reliability/*_check.py is one test, run as
#   python3 SCRIPT --bin metalfpga_cli --work DIR
# and exits 77 to skip (a tool it needs is missing).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
file(GLOB reliability_checks CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/reliability/*_check.py)
foreach(script ${reliability_checks})
    get_filename_component(name ${script} NAME_WE)
    string(REGEX REPLACE "_check$" "" name ${name})
    add_test(NAME reliability.${name}
             COMMAND ${Python3_EXECUTABLE} ${script} --bin $<TARGET_FILE:metalfpga_cli>
                     --work ${CMAKE_BINARY_DIR}/reliability/${name})
    set_tests_properties(reliability.${name} PROPERTIES SKIP_RETURN_CODE 77
                         LABELS reliability TIMEOUT 900)
endforeach()
