// An inout port carries a bidirectional bus: each side drives it through a tristate assign; the other side reads it.
module dev(inout [7:0] bus, input drive, input [7:0] val);
  assign bus = drive ? val : 8'bz;
endmodule
module top;
  wire [7:0] bus;
  reg d1, d2;
  dev a(bus, d1, 8'h11);
  dev b(bus, d2, 8'h22);
  initial begin
    d1 = 0; d2 = 0;
    #1 $display("%h", bus);
    d1 = 1;
    #1 $display("%h", bus);
    d1 = 0; d2 = 1;
    #1 $display("%h", bus);
    d1 = 1;
    #1 $display("%b", bus);
  end
endmodule
