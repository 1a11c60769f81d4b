# Simulation golden tests: tests/verilog/sim/NAME.v must print NAME.out (made by Icarus) with
# `metalfpga_cli --run`. Compiled models are cached in the build folder between runs.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
file(GLOB sim_golden CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/*.v)
foreach(src ${sim_golden})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME sim.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_sim_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache ${src})
    set_tests_properties(sim.${name} PROPERTIES LABELS sim TIMEOUT 300)
endforeach()

# The event scheduler (--sched event; the default is the static schedule) must print the same,
# on every golden test.
foreach(src ${sim_golden})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME sched.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_sim_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache
                     --flags=--sched=event ${src})
    set_tests_properties(sched.${name} PROPERTIES LABELS sim TIMEOUT 300)
endforeach()

# 2-state mode (--2state): golden tests whose designs never hold X or Z must print the same
# output as in 4-state mode (tests/verilog/sim/two_state.v tests what differs).
foreach(name clocked_pipeline counter_tb concat_repl div_mod_signs display_exprs fork_join
             force_reg_expr event_trigger regfile_alu disable_fork nba_mirror)
    add_test(NAME sim2.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_sim_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache
                     --flags=--2state ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/${name}.v)
    set_tests_properties(sim2.${name} PROPERTIES LABELS sim TIMEOUT 300)
endforeach()

# A model compiled as several translation units (METALFPGA_CPU_PARTS, as large models are) must
# print what the one-unit model prints.
foreach(name bus_slices clocked_pipeline display_exprs fork_join regfile_alu disable_fork
             auto_function_recursion function_in_ca)
    add_test(NAME split.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_sim_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache
                     ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/${name}.v)
    set_tests_properties(split.${name} PROPERTIES LABELS sim TIMEOUT 300
                         ENVIRONMENT METALFPGA_CPU_PARTS=3)
    add_test(NAME split_event.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_sim_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache
                     ${CMAKE_CURRENT_SOURCE_DIR}/verilog/sim/${name}.v)
    set_tests_properties(split_event.${name} PROPERTIES LABELS sim TIMEOUT 300
                         ENVIRONMENT "METALFPGA_CPU_PARTS=3;METALFPGA_SCHED=event")
endforeach()

# Batches: instance k of `--count N --instance-plusargs FILE` must print what a single run with
# the same plusargs prints.
file(GLOB sim_batch CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/verilog/batch/*.v)
foreach(src ${sim_batch})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME batch.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_batch_check.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache ${src})
    set_tests_properties(batch.${name} PROPERTIES LABELS sim TIMEOUT 300)
endforeach()

# File I/O: files are flushed and closed on SIGINT/SIGTERM; --count gives each instance its own
# output files.
foreach(check file_signals file_instances)
    add_test(NAME sim.${check}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/${check}.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache)
    set_tests_properties(sim.${check} PROPERTIES LABELS sim TIMEOUT 300)
endforeach()

# The examples, run from the repository root as README and docs say (examples/gate_level.v reads
# examples/gate_level.sdf); tests/verilog/examples/NAME.out is Icarus's output
# (iverilog -gspecify, then vvp, from the repository root).
foreach(name gate_level)
    add_test(NAME sim.example_${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/verilog/run_sim_golden.py
                     --bin $<TARGET_FILE:metalfpga_cli> --cache ${CMAKE_BINARY_DIR}/sim-cache
                     --in ${CMAKE_SOURCE_DIR}
                     --expected ${CMAKE_CURRENT_SOURCE_DIR}/verilog/examples/${name}.out
                     examples/${name}.v)
    set_tests_properties(sim.example_${name} PROPERTIES LABELS sim TIMEOUT 300)
endforeach()
