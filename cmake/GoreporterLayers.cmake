# goreporter_layer(NAME FOLDER ALLOWS folder... LINKS target...): a static library of every source in FOLDER,
# linking only LINKS. A check that runs before it compiles refuses an include from any folder not in ALLOWS (the
# layer's own folder is always allowed), so a wrong dependency fails the build, not a review.
function(goreporter_layer name folder)
    cmake_parse_arguments(PARSE_ARGV 2 layer "" "" "ALLOWS;LINKS")
    file(GLOB sources CONFIGURE_DEPENDS
        ${CMAKE_SOURCE_DIR}/${folder}/*.h ${CMAKE_SOURCE_DIR}/${folder}/*.cpp)
    qt_add_library(goreporter_${name} STATIC ${sources})
    target_link_libraries(goreporter_${name} PUBLIC goreporter_settings ${layer_LINKS})
    set(allowed ${folder} ${layer_ALLOWS})
    set(stamp ${CMAKE_BINARY_DIR}/layer-rules/${name}.checked)
    add_custom_command(OUTPUT ${stamp}
        COMMAND ${CMAKE_COMMAND} -DLAYER=${name} "-DALLOWED=${allowed}" "-DFILES=${sources}" -DSTAMP=${stamp}
                -P ${CMAKE_SOURCE_DIR}/cmake/checklayerincludes.cmake
        DEPENDS ${sources} ${CMAKE_SOURCE_DIR}/cmake/checklayerincludes.cmake
        COMMENT "Checking the include rules of the ${name} layer"
        VERBATIM)
    add_custom_target(goreporter_${name}_rules DEPENDS ${stamp})
    add_dependencies(goreporter_${name} goreporter_${name}_rules)
endfunction()
