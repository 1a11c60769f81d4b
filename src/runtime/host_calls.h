#pragma once
// Host calls (kSvcCall records): system functions and tasks the host answers between step calls
// (see src/codegen/host_call_table.h for which, and their output arguments). A handler reads
// the input arguments from the record payload and writes the result and the outputs into the
// instance's reply area.

#include "contract/model.h"
#include "metalfpga/rt/value.h"
#include "runtime/instance.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace metalfpga::runtime {

class CallContext {
  public:
    CallContext(const contract::ServiceSite& s, const rt::word* payload, rt::word* reply,
                uint32_t replyWords, InstanceHost& inst, uint64_t now, FILE* errors)
        : site(s), instance(inst), time(now), err(errors), payload_(payload), reply_(reply),
          replyWords_(replyWords) {
        for (uint32_t i = 0; i < replyWords_; ++i) reply_[i] = 0;
    }

    const contract::ServiceSite& site;
    InstanceHost& instance;
    uint64_t time; // ticks of the global precision
    FILE* err;

    size_t argCount() const { return site.args.size(); }
    bool isString(size_t i) const;
    // An input argument as text (a string literal, or a value's bytes as clause 4.2.3 says).
    std::string text(size_t i) const;
    rt::Value value(size_t i) const; // an integral input argument
    double real(size_t i) const;     // a real input argument (or an integral one converted)

    void setResult(int64_t v);
    void setResult(const rt::Value& v);
    // Output argument i (an index into the call's arguments); unset outputs keep their value.
    void setOutput(size_t i, const rt::Value& v);
    void setOutputReal(size_t i, double d);
    // Output argument i from digit text in base 2/8/10/16, as a VPI string value puts it
    // (see digitsValue); a real output takes the text's value, signed when it starts with '-'.
    void setOutputDigits(size_t i, std::string_view digits, int base);
    // The type of output argument i as the model declared it.
    const contract::ReplySlot* output(size_t i) const;

    // A warning with the call's location, as the simulator prints it.
    void warn(const std::string& message) const;

    // Raw access for bulk transfers ($readmem*/$writemem*): the payload words of argument i
    // and the reply area.
    const rt::word* raw(size_t i) const { return payload_ + site.args[i].offset; }
    rt::word* reply() { return reply_; }
    uint32_t replyWords() const { return replyWords_; }
    const rt::word* payload() const { return payload_; }

  private:
    void write(const contract::ReplySlot& slot, const rt::Value& v);
    const rt::word* payload_;
    rt::word* reply_;
    uint32_t replyWords_;
};

using CallHandler = void (*)(CallContext&);

// Digit text (an optional leading '-', digits, '_' separators, x/z digits; a decimal "x" or
// "z" is all x or all z) as a `width`-bit value, as Icarus puts a VPI binary/octal/decimal/hex
// string on a vector: the digits' bits, negated after a '-', then padded with the top bit when
// it is x or z (or 1 after a '-'), else with 0.
rt::Value digitsValue(std::string_view digits, int base, uint32_t width);

// The handler of a host call by name, or null.
CallHandler findHostCall(std::string_view name);

// Handlers, by topic (one file each).
void callTestPlusargs(CallContext& c);
void callValuePlusargs(CallContext& c);
// files.cpp
void callFopen(CallContext& c);
void callFclose(CallContext& c);
void callFflush(CallContext& c);
void callFgetc(CallContext& c);
void callUngetc(CallContext& c);
void callFgets(CallContext& c);
void callFread(CallContext& c);
void callFtell(CallContext& c);
void callFseek(CallContext& c);
void callRewind(CallContext& c);
void callFeof(CallContext& c);
void callFerror(CallContext& c);
// scanf.cpp
void callFscanf(CallContext& c);
void callSscanf(CallContext& c);
// readmem.cpp
void callReadmem(CallContext& c);
void callWritemem(CallContext& c);
// strings.cpp
void callSformat(CallContext& c);
void callSwrite(CallContext& c);
// time_format.cpp
void callTimeformat(CallContext& c);

} // namespace metalfpga::runtime
