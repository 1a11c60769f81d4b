#pragma once
// The host side of a compiled model (contract::Model without its source: service sites, process
// and routine locations, dump variables, sizes) as bytes, so that a standalone host
// (--emit-host, runtime/standalone.h) can run an archived model without the compiler.
// Every field of contract::Model but `source` is encoded; a field added to Model or to a struct
// it holds must be added to both functions, and model_info.cpp does not compile until it is
// (coversEveryField names every member).

#include "contract/model.h"

#include <cstddef>
#include <string>

namespace metalfpga::runtime {

// Little-endian, length-prefixed; starts with the magic "MFMI" and a format version.
std::string encodeModelInfo(const contract::Model& model);

// The inverse of encodeModelInfo (model.source stays empty). False with `error` set for bytes
// that are not a complete encoding of this version.
bool decodeModelInfo(const unsigned char* data, size_t size, contract::Model& model,
                     std::string& error);

} // namespace metalfpga::runtime
