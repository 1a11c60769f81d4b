# VCD golden tests: tests/verilog/vcd/NAME.v must write a VCD equal, change for change, to NAME.vcd
# (the VCD Icarus writes; compared by verilog/vcd_compare.py).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
file(GLOB vcd_golden CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/verilog/vcd/*.v)
foreach(src ${vcd_golden})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME vcd.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_vcd_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache ${src})
    set_tests_properties(vcd.${name} PROPERTIES LABELS sim TIMEOUT 300)
endforeach()

# The same under the event scheduler (--sched event; the default is the static schedule).
foreach(src ${vcd_golden})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME vcd_event.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_vcd_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache ${src})
    set_tests_properties(vcd_event.${name} PROPERTIES LABELS sim TIMEOUT 300
                         ENVIRONMENT METALFPGA_SCHED=event)
endforeach()

# The comparison itself must tell different waveforms apart.
add_test(NAME vcd.compare_detects_differences
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/vcd_compare.py
                 ${CMAKE_CURRENT_SOURCE_DIR}/verilog/vcd/vcd_many.vcd
                 ${CMAKE_CURRENT_SOURCE_DIR}/verilog/vcd/vcd_limit.vcd)
set_tests_properties(vcd.compare_detects_differences PROPERTIES LABELS sim WILL_FAIL TRUE)
