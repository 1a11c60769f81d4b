// An implicit net that a gate terminal or a port connection declares can be reached by a
// hierarchical name from an item elaborated before it; `m #5 u(...)` on a module gives the
// first parameter its value.
module top;
  reg b;
  wire foo = dut.tmp;
  wire bar = dut.nc;
  sub #3 dut(b);
  initial begin
    b = 0;
    #1 $display("foo=%b bar=%b p=%0d", foo, bar, dut.p);
    b = 1;
    #1 $display("foo=%b bar=%b p=%0d", foo, bar, dut.p);
  end
endmodule

module sub(input b);
  parameter p = 1;
  not (tmp, b);
  leaf l(nc, tmp);
endmodule

module leaf(output o, input i);
  assign o = i;
endmodule
