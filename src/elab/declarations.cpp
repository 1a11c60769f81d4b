// Declarations: nets, variables, ports (ANSI and non-ANSI, merged with a later net or variable
// declaration of the same name), implicit nets.

#include "elab/elaborator.h"

#include <algorithm>

namespace metalfpga::elab {

namespace {

constexpr int64_t kMaxWidth = int64_t(1) << 24;

uint8_t strength0(TokenKind k) {
    switch (k) {
    case TokenKind::KwHighz0:
        return 0;
    case TokenKind::KwWeak0:
        return 3;
    case TokenKind::KwPull0:
        return 5;
    case TokenKind::KwSupply0:
        return 7;
    default:
        return 6;
    }
}
uint8_t strength1(TokenKind k) {
    switch (k) {
    case TokenKind::KwHighz1:
        return 0;
    case TokenKind::KwWeak1:
        return 3;
    case TokenKind::KwPull1:
        return 5;
    case TokenKind::KwSupply1:
        return 7;
    default:
        return 6;
    }
}

ir::PortDir dirOf(TokenKind k) {
    switch (k) {
    case TokenKind::KwInput:
        return ir::PortDir::Input;
    case TokenKind::KwOutput:
        return ir::PortDir::Output;
    default:
        return ir::PortDir::Inout;
    }
}

} // namespace

ir::Strength Elaborator::buildStrength(const ast::Strength& st) {
    ir::Strength s;
    s.specified = true;
    s.s0 = strength0(st.strength0);
    s.s1 = strength1(st.strength1);
    // A single strength (pullup (pull1)) or one side given: the other side stays strong.
    if (st.strength0 == TokenKind::EndOfFile) s.s0 = 6;
    if (st.strength1 == TokenKind::EndOfFile) s.s1 = 6;
    return s;
}

std::optional<ir::Range> Elaborator::evalRange(const ast::Range& r, ScopeId s) {
    auto msb = evalInt(*r.left, s, "range bound");
    auto lsb = evalInt(*r.right, s, "range bound");
    if (!msb || !lsb) return std::nullopt;
    ir::Range out{*msb, *lsb};
    int64_t w = *msb >= *lsb ? *msb - *lsb : *lsb - *msb;
    if (w >= kMaxWidth) {
        diags_.error(r.loc, "range [{}:{}] is too wide (more than {} bits)", *msb, *lsb, kMaxWidth);
        return std::nullopt;
    }
    return out;
}

ir::Signal Elaborator::makeSignal(ScopeId s, const ast::Identifier& name) {
    ir::Signal g;
    g.name = text(name);
    g.path = scope(s).path + "." + g.name;
    g.scope = s;
    g.loc = name.loc;
    g.automatic = false;
    return g;
}

namespace {

// Kind, type and range of a variable keyword (reg/integer/time/real/realtime/event).
void setVarKind(ir::Signal& g, TokenKind type) {
    switch (type) {
    case TokenKind::KwInteger:
        g.kind = ir::SignalKind::Integer;
        g.type = ir::Type::integral(32, true);
        g.range = ir::Range{31, 0};
        break;
    case TokenKind::KwTime:
        g.kind = ir::SignalKind::Time;
        g.type = ir::Type::integral(64, false);
        g.range = ir::Range{63, 0};
        break;
    case TokenKind::KwReal:
        g.kind = ir::SignalKind::Real;
        g.type = ir::Type::real();
        break;
    case TokenKind::KwRealtime:
        g.kind = ir::SignalKind::Realtime;
        g.type = ir::Type::real();
        break;
    case TokenKind::KwEvent:
        g.kind = ir::SignalKind::Event;
        g.type = ir::Type::integral(1, false);
        break;
    default:
        g.kind = ir::SignalKind::Reg;
        break;
    }
    g.netType = ir::NetType::None;
}

// A port declaration and the net/variable declaration of the same name must agree on the
// range (1364-2005 clause 12.3.3); integer/time/real have their own.
bool rangesAgree(const ir::Signal& port, const ir::Signal& decl) {
    bool fixed = decl.kind != ir::SignalKind::Reg && decl.kind != ir::SignalKind::Net;
    if (fixed) return !port.vector;
    if (port.vector != decl.vector) return false;
    return !port.vector || (port.range.msb == decl.range.msb && port.range.lsb == decl.range.lsb);
}

} // namespace

// A port declared without a range and then as a vector net or variable (`input a; wire [7:0]
// a;`) breaks 12.3.3 but was common practice: with -gno-io-range-error (as Icarus) a warning, and
// the declaration's range. Other disagreements are errors.
bool Elaborator::portRangeAccepted(const ir::Signal& port, const ir::Signal& decl, SourceLoc at) {
    bool plain = decl.kind == ir::SignalKind::Reg || decl.kind == ir::SignalKind::Net;
    if (!opts_.ioRangeError && plain && !port.vector && decl.vector) {
        diags_.warning(at,
                       "port '{}' is declared without a range, then as [{}:{}]; that range is used",
                       decl.name, decl.range.msb, decl.range.lsb);
        return true;
    }
    if (rangesAgree(port, decl)) return true;
    diags_.error(at, "the type or range of '{}' differs from its port declaration", decl.name);
    return false;
}

void Elaborator::declareItem(const ast::Item& item, ScopeId s) {
    bool inRoutine = scope(s).kind == ir::ScopeKind::Function ||
                     scope(s).kind == ir::ScopeKind::Task ||
                     scope(s).kind == ir::ScopeKind::NamedBlock;
    auto packedRange = [&](const std::optional<ast::Range>& r, const ast::Dimensions& extra,
                           ir::Signal& g) -> bool {
        if (!extra.empty()) {
            diags_.error(extra.front().loc,
                         "multiple packed dimensions are SystemVerilog, not Verilog-2005");
            return false;
        }
        if (!r) return true;
        auto rr = evalRange(*r, s);
        if (!rr) return false;
        g.range = *rr;
        g.vector = true;
        g.type.width = rr->width();
        return true;
    };
    auto unpackedDims = [&](const ast::Dimensions& dims, ir::Signal& g) -> bool {
        uint64_t total = 1;
        for (const ast::Range& d : dims) {
            auto rr = evalRange(d, s);
            if (!rr) return false;
            g.unpacked.push_back(*rr);
            total *= rr->width();
            if (total > (uint64_t(1) << 26)) {
                diags_.error(d.loc, "array '{}' has too many elements", g.name);
                return false;
            }
        }
        return true;
    };
    // Merge with an earlier port declaration without a type (`output q; reg q;`).
    auto mergePort = [&](const ast::Identifier& name) -> SignalId {
        auto sym = lookupLocal(s, name.text);
        if (!sym || sym->kind != Symbol::Kind::Signal) return kNone;
        auto& po = info(s).portOnly;
        auto it = std::find(po.begin(), po.end(), sym->id);
        if (it == po.end()) return kNone;
        po.erase(it);
        return sym->id;
    };

    switch (item.kind) {
    case ast::ItemKind::PortDecl: {
        const auto& pd = item.as<ast::PortDecl>();
        for (const ast::Declarator& d : pd.decls) {
            // A net or variable declared earlier with this name becomes the port.
            auto sym = lookupLocal(s, d.name.text);
            if (sym && sym->kind == Symbol::Kind::Signal &&
                design_->signals[sym->id].port == ir::PortDir::None &&
                pd.type == TokenKind::EndOfFile) {
                ir::Signal& g = design_->signals[sym->id];
                g.port = dirOf(pd.direction);
                continue;
            }
            ir::Signal g = makeSignal(s, d.name);
            g.port = dirOf(pd.direction);
            bool isVar = pd.type == TokenKind::KwReg || pd.type == TokenKind::KwInteger ||
                         pd.type == TokenKind::KwTime || pd.type == TokenKind::KwReal ||
                         pd.type == TokenKind::KwRealtime;
            if (!isVar) {
                if (inRoutine) {
                    g.kind = ir::SignalKind::Reg;
                    g.netType = ir::NetType::None;
                } else {
                    g.kind = ir::SignalKind::Net;
                    g.netType =
                        pd.type == TokenKind::EndOfFile
                            ? (info(s).defaultNettype == "none"
                                   ? ir::NetType::Wire
                                   : netTypeOf(frontend::keywordKind(info(s).defaultNettype)))
                            : netTypeOf(pd.type);
                }
            } else {
                setVarKind(g, pd.type);
            }
            g.type.isSigned = g.type.isSigned || pd.isSigned;
            if (!g.type.isReal && g.kind != ir::SignalKind::Integer &&
                g.kind != ir::SignalKind::Time && !packedRange(pd.range, pd.packedExtra, g))
                continue;
            if (!unpackedDims(d.dims, g)) continue;
            if (!inRoutine && g.port == ir::PortDir::Input && !g.isNet()) {
                diags_.error(d.name.loc, "input port '{}' cannot be declared as a variable ({})",
                             g.name, ir::signalKindName(g.kind));
                continue;
            }
            if (!inRoutine && g.port == ir::PortDir::Inout && !g.isNet()) {
                diags_.error(d.name.loc, "inout port '{}' must be a net", g.name);
                continue;
            }
            SignalId id = design_->addSignal(std::move(g));
            addSymbol(s, d.name.text, Symbol{Symbol::Kind::Signal, id}, d.name.loc);
            if (pd.type == TokenKind::EndOfFile) info(s).portOnly.push_back(id);
        }
        break;
    }
    case ast::ItemKind::NetDecl: {
        const auto& nd = item.as<ast::NetDecl>();
        for (const ast::Declarator& d : nd.decls) {
            SignalId merged = mergePort(d.name);
            ir::Signal g = makeSignal(s, d.name);
            g.kind = ir::SignalKind::Net;
            g.netType = netTypeOf(nd.netType);
            g.type.isSigned = nd.isSigned;
            if (!packedRange(nd.range, nd.packedExtra, g)) continue;
            if (!unpackedDims(d.dims, g)) continue;
            if (nd.strength) {
                if (nd.netType == TokenKind::KwTrireg &&
                    nd.strength->charge != TokenKind::EndOfFile)
                    g.charge = nd.strength->charge == TokenKind::KwSmall    ? 1
                               : nd.strength->charge == TokenKind::KwMedium ? 2
                                                                            : 4;
                else
                    g.strength = buildStrength(*nd.strength);
            }
            if (nd.netType == TokenKind::KwSupply0 || nd.netType == TokenKind::KwSupply1)
                g.strength = ir::Strength{7, 7, true};
            if (nd.netType == TokenKind::KwTrireg && !g.charge) g.charge = 2;
            if (merged != kNone) {
                ir::Signal& old = design_->signals[merged];
                if (!portRangeAccepted(old, g, d.name.loc)) continue;
                g.port = old.port;
                g.type.isSigned = g.type.isSigned || old.type.isSigned;
                if (!g.vector && old.vector) {
                    g.vector = true;
                    g.range = old.range;
                    g.type.width = old.type.width;
                }
                g.path = old.path;
                old = std::move(g);
                continue;
            }
            SignalId id = design_->addSignal(std::move(g));
            addSymbol(s, d.name.text, Symbol{Symbol::Kind::Signal, id}, d.name.loc);
        }
        break;
    }
    case ast::ItemKind::VarDecl: {
        const auto& vd = item.as<ast::VarDecl>();
        for (const ast::Declarator& d : vd.decls) {
            if (vd.type == TokenKind::KwGenvar) {
                ParamSlot slot;
                slot.name = text(d.name);
                slot.isGenvar = true;
                slot.isLocal = true;
                slot.loc = d.name.loc;
                uint32_t idx = static_cast<uint32_t>(info(s).params.size());
                info(s).params.push_back(std::move(slot));
                addSymbol(s, d.name.text, Symbol{Symbol::Kind::Param, idx}, d.name.loc);
                continue;
            }
            SignalId merged = mergePort(d.name);
            ir::Signal g = makeSignal(s, d.name);
            setVarKind(g, vd.type);
            if (vd.type == TokenKind::KwReg) {
                g.type.isSigned = vd.isSigned;
                if (!packedRange(vd.range, vd.packedExtra, g)) continue;
            } else if (vd.type == TokenKind::KwInteger && vd.isSigned) {
                g.type.isSigned = true;
            }
            if (!unpackedDims(d.dims, g)) continue;
            g.automatic = false;
            if (merged != kNone) {
                ir::Signal& old = design_->signals[merged];
                if (old.port == ir::PortDir::Input && scope(s).kind == ir::ScopeKind::Module) {
                    diags_.error(d.name.loc,
                                 "input port '{}' cannot be declared as a variable ({})", g.name,
                                 ir::signalKindName(g.kind));
                    continue;
                }
                if (old.port == ir::PortDir::Inout && scope(s).kind == ir::ScopeKind::Module) {
                    diags_.error(d.name.loc, "inout port '{}' must be a net", g.name);
                    continue;
                }
                if (!portRangeAccepted(old, g, d.name.loc)) continue;
                g.port = old.port;
                if (!g.vector && old.vector && g.kind == ir::SignalKind::Reg) {
                    g.vector = true;
                    g.range = old.range;
                    g.type.width = old.type.width;
                }
                g.type.isSigned = g.type.isSigned || old.type.isSigned;
                g.path = old.path;
                old = std::move(g);
                continue;
            }
            SignalId id = design_->addSignal(std::move(g));
            addSymbol(s, d.name.text, Symbol{Symbol::Kind::Signal, id}, d.name.loc);
        }
        break;
    }
    default:
        break;
    }
}

void Elaborator::declarePorts(const ast::Module& m, ScopeId s) {
    if (m.ansi) {
        for (const auto& it : m.portDecls) declareItem(*it, s);
        return;
    }
}

SignalId Elaborator::implicitNet(const ast::Identifier& id, ScopeId s, uint32_t width) {
    if (info(s).defaultNettype == "none") {
        diags_.error(id.loc, "'{}' is not declared (`default_nettype none forbids implicit nets)",
                     id.text);
        return kNone;
    }
    ir::Signal g = makeSignal(s, id);
    g.kind = ir::SignalKind::Net;
    g.netType = netTypeOf(frontend::keywordKind(info(s).defaultNettype));
    g.implicit = true;
    g.type = ir::Type::integral(width, false);
    g.range = ir::Range{int64_t(width) - 1, 0};
    g.vector = width > 1;
    SignalId sid = design_->addSignal(std::move(g));
    addSymbol(s, id.text, Symbol{Symbol::Kind::Signal, sid}, id.loc);
    return sid;
}

} // namespace metalfpga::elab
