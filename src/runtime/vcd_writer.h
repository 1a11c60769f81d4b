#pragma once
// The VCD writer of one instance (IEEE 1364-2005 clause 18): turns the model's kSvcDump
// records (see contract::DumpOp) into a value change dump file.

#include "contract/model.h"
#include "metalfpga/rt/config.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace metalfpga::runtime {

// NAME for instance 0, else NAME with ".k" inserted before the extension ("dump.vcd" ->
// "dump.3.vcd"); the same rule as files the design opens for writing.
std::string vcdInstancePath(const std::string& path, uint32_t index);

class VcdWriter {
  public:
    // `say` prints a message where the design's output goes (Icarus prints its VCD messages on
    // standard output); `dir` is --vcd-dir (empty: the current folder).
    VcdWriter(const contract::Model& info, uint32_t instance, std::string dir,
              std::function<void(const std::string&)> say);
    ~VcdWriter();
    VcdWriter(const VcdWriter&) = delete;
    VcdWriter& operator=(const VcdWriter&) = delete;

    // One kSvcDump record: op (contract::DumpOp), site, b, the time, the payload.
    void record(uint32_t op, uint32_t site, uint32_t b, uint64_t time, const rt::word* payload);
    // $finish at `time`: the file ends with this time (the time step's changes still follow).
    void finish(uint64_t time);
    void flush();
    void close();

  private:
    void open();
    void header();
    void timeLine(uint64_t t);
    void value(uint32_t v, const rt::word* payload);
    std::string code(uint32_t v) const;

    const contract::Model& info_;
    uint32_t instance_;
    std::string dir_;
    std::function<void(const std::string&)> say_;
    std::string name_ = "dump.vcd";
    std::string path_;
    FILE* f_ = nullptr;
    bool failed_ = false; // the file could not be opened
    bool headerDone_ = false;
    uint64_t headerTime_ = 0;
    bool timeWritten_ = false;
    uint64_t lastTime_ = 0;
    uint32_t section_ = 0; // inside a section (1 $dumpvars, 2 $dumpon, 3 $dumpall)
    bool full_ = false;    // $dumplimit reached
    uint64_t limit_ = 0;   // 0: none
    bool ended_ = false;   // $finish seen at endTime_
    uint64_t endTime_ = 0;
    bool checked_ = false;           // the limit was checked for the changes of lastTime_
    std::vector<uint32_t> selected_; // variables in the header, in selection order
    std::set<uint32_t> isSelected_;
    std::vector<uint32_t> codes_;  // value -> identifier number (~0u: not dumped)
    std::vector<uint32_t> dumped_; // values in the header
};

} // namespace metalfpga::runtime
