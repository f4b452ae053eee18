# Runs an example program in a clean directory and checks what it wrote.
#   PROGRAM   the program; ARGS its arguments after --out WORK_DIR
#   SVG       the SVG file it must write, which must hold every string in MARKERS
#   CSV       optional: a CSV file it must write, of CSV_LINES lines of CSV_FIELDS fields
#   PRINTS    optional: strings its standard output must hold
# ARGS, MARKERS and PRINTS separate their items with |, as ctest's command
# line would split a ;-list.
foreach(list ARGS MARKERS PRINTS)
  string(REPLACE "|" ";" ${list} "${${list}}")
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${PROGRAM}" --out "${WORK_DIR}" ${ARGS}
  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message("${output}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${status}: ${errors}")
endif()
foreach(expected IN LISTS PRINTS)
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the output lacks \"${expected}\"")
  endif()
endforeach()

file(READ "${WORK_DIR}/${SVG}" svg)
if(NOT svg MATCHES "^<svg xmlns=\"http://www.w3.org/2000/svg\"" OR NOT svg MATCHES "</svg>\n$")
  message(FATAL_ERROR "${SVG} is not a whole SVG document")
endif()
foreach(marker IN LISTS MARKERS)
  string(FIND "${svg}" "${marker}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${SVG} lacks \"${marker}\"")
  endif()
endforeach()
string(REGEX MATCHALL "<polyline" lines "${svg}")
list(LENGTH lines line_count)
message("${SVG}: ${line_count} lines drawn")

if(CSV)
  file(STRINGS "${WORK_DIR}/${CSV}" rows)
  list(LENGTH rows row_count)
  if(NOT row_count EQUAL CSV_LINES)
    message(FATAL_ERROR "${CSV} has ${row_count} lines, not ${CSV_LINES}")
  endif()
  foreach(row IN LISTS rows)
    string(REPLACE "," ";" fields "${row}")
    list(LENGTH fields field_count)
    if(NOT field_count EQUAL CSV_FIELDS)
      message(FATAL_ERROR "${CSV}: \"${row}\" has ${field_count} fields, not ${CSV_FIELDS}")
    endif()
  endforeach()
endif()
