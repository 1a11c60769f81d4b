// A casez priority encoder in an always @* block, and if/else-if chains with x conditions (x is false).
module top;
  reg [7:0] req;
  reg [2:0] idx;
  reg valid;
  always @* begin
    valid = 1;
    casez (req)
      8'b1???????: idx = 7;
      8'b01??????: idx = 6;
      8'b001?????: idx = 5;
      8'b0001????: idx = 4;
      8'b00001???: idx = 3;
      8'b000001??: idx = 2;
      8'b0000001?: idx = 1;
      8'b00000001: idx = 0;
      default: begin idx = 0; valid = 0; end
    endcase
  end
  reg c;
  initial begin
    req = 8'b0010_1100; #1 $display("%b %0d %b", req, idx, valid);
    req = 8'b1000_0001; #1 $display("%b %0d %b", req, idx, valid);
    req = 8'b0000_0000; #1 $display("%b %0d %b", req, idx, valid);
    req = 8'b0000_0011; #1 $display("%b %0d %b", req, idx, valid);
    c = 1'bx;
    if (c) $display("x true"); else $display("x false");
    if (!c) $display("!x true"); else $display("!x false");
    if (c === 1'bx) $display("=== x");
  end
endmodule
