module top;
  reg [3:0] v;
  integer i;
  initial begin
    for (i = 0; i < 16; i = i + 3) begin
      v = i;
      casez (v)
        4'b1???: $display("%b -> 1xxx", v);
        4'b01??: $display("%b -> 01xx", v);
        4'b001?: $display("%b -> 001x", v);
        default: $display("%b -> low", v);
      endcase
    end
    v = 4'b1x0z;
    casex (v)
      4'b0000: $display("zero");
      4'b1100: $display("casex match");
      default: $display("no match");
    endcase
    case (v)
      4'b1x0z: $display("exact match");
      default: $display("no exact");
    endcase
  end
endmodule
