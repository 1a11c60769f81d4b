// Generate if and case choose different logic per parameter value; unnamed blocks get genblkN names.
module unit #(parameter MODE = 0) (input [3:0] x, output [3:0] y);
  generate
    if (MODE == 0) begin : g_inv
      assign y = ~x;
    end else if (MODE == 1) begin : g_rev
      assign y = {x[0], x[1], x[2], x[3]};
    end else begin : g_pass
      assign y = x;
    end
  endgenerate
  generate
    case (MODE)
      0: begin : c0 initial #1 $display("%m mode 0"); end
      1: begin : c1 initial #2 $display("%m mode 1"); end
      default: begin : cd initial #3 $display("%m mode default"); end
    endcase
  endgenerate
endmodule
module top;
  reg [3:0] x;
  wire [3:0] y0, y1, y2;
  unit #(0) u0(x, y0);
  unit #(1) u1(x, y1);
  unit #(7) u2(x, y2);
  initial begin
    x = 4'b0011;
    #5 $display("%b %b %b", y0, y1, y2);
  end
endmodule
