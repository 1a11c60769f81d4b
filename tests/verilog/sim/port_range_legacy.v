// A port declared without a range and then as a vector (`input a; wire [7:0] a;`): 12.3.3
// asks for the same range, but legacy code does this; the declaration's range is used, with a
// warning with -gno-io-range-error (as Icarus; without it, an error, as 12.3.3 says).
// flags: -gno-io-range-error
module add8(a, b, y);
  input a, b;
  output y;
  wire [7:0] a, b;
  reg [8:0] y;
  always @* y = a + b;
endmodule
module port_range_legacy;
  reg [7:0] a = 200, b = 100;
  wire [8:0] y;
  add8 u(a, b, y);
  function [15:0] twice;
    input v;
    reg [15:0] v;
    twice = v * 2;
  endfunction
  initial #1 $display("y=%0d twice=%0d", y, twice(16'd1000));
endmodule
