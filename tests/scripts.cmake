# Tests driven by scripts rather than GoogleTest.
find_package(Python3 COMPONENTS Interpreter REQUIRED)

# The ivtest corpus (../shared/ivtest beside the checkout) must parse at the recorded rate.
add_test(NAME ivtest_parse
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/corpus/ivtest_parse.py
                 --bin $<TARGET_FILE:metalfpga_cli>
                 --corpus ${CMAKE_SOURCE_DIR}/../shared/ivtest --min 99)
set_tests_properties(ivtest_parse PROPERTIES SKIP_RETURN_CODE 77 LABELS corpus TIMEOUT 600)
