# Tests driven by scripts rather than GoogleTest.
find_package(Python3 COMPONENTS Interpreter REQUIRED)

# The ivtest corpus (../shared/ivtest beside the checkout) must parse at the recorded rate.
add_test(NAME ivtest_parse
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/corpus/ivtest_parse.py
                 --bin $<TARGET_FILE:metalfpga_cli>
                 --corpus ${CMAKE_SOURCE_DIR}/../shared/ivtest --min 99)
set_tests_properties(ivtest_parse PROPERTIES SKIP_RETURN_CODE 77 LABELS corpus TIMEOUT 600)

# Every normal/CO source that parses must also elaborate (--check), and the CE sources must be
# rejected, at the recorded rates.
add_test(NAME ivtest_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/corpus/ivtest_check.py
                 --bin $<TARGET_FILE:metalfpga_cli>
                 --corpus ${CMAKE_SOURCE_DIR}/../shared/ivtest --min-good 98 --min-ce 97)
set_tests_properties(ivtest_check PROPERTIES SKIP_RETURN_CODE 77 LABELS corpus TIMEOUT 600)

# Compliance ratchet: the normal and CE tests of the corpus, run and judged by the corpus's own
# runner, must pass at least as often as tests/ivtest/record.json says. Compiled models are kept
# in build/ivtest-archive, so later runs compile only models whose source changed.
add_test(NAME ivtest_ratchet
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/ivtest/ratchet.py
                 --bin $<TARGET_FILE:metalfpga_cli>
                 --corpus ${CMAKE_SOURCE_DIR}/../shared/ivtest -j 2 --timeout 60
                 --archive ${CMAKE_BINARY_DIR}/ivtest-archive)
set_tests_properties(ivtest_ratchet PROPERTIES SKIP_RETURN_CODE 77 LABELS "corpus;ivtest"
                     TIMEOUT 1800 RUN_SERIAL TRUE)
