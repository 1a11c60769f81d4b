// A combinational block that drives a shared resource and reads its result is a loop only as a
// whole block: --sched static splits it into parts that run by level (plan/split_blocks.cpp).
module shared_unit(input [7:0] req, output [7:0] res);
  assign res = {req[6:0], req[7]} ^ 8'h1b; // the shared resource
endmodule

module top;
  reg [7:0] a, b;
  reg sel, never;
  reg [7:0] req, y, z;
  reg c;
  wire [7:0] res;
  shared_unit u(.req(req), .res(res));

  function [7:0] twice(input [7:0] x);
    twice = x + x;
  endfunction

  always @* begin : user
    reg [7:0] t, u2;
    t = twice(a);         // a definition: a part of its own
    u2 = t ^ b;
    req = 8'h0;
    y = 8'h0;
    c = 1'b0 & never;     // reads only a variable that never changes
    case (sel)
      1'b1: req = u2;
      default: y = res + t;
    endcase
    z = res;
  end

  // A block that keeps a value from its last run is not split: it stays in the loop.
  reg [7:0] k, old_k, req2, y2;
  wire [7:0] res2;
  shared_unit u_2(.req(req2), .res(res2));
  always @* begin
    old_k = k;
    k = a;
    req2 = a ^ 8'h55;
    y2 = res2 + old_k;
  end

  initial begin
    $monitor("%0t a=%h b=%h sel=%b req=%h res=%h y=%h z=%h c=%b y2=%h", $time, a, b, sel, req,
             res, y, z, c, y2);
    #1 a = 8'h03; b = 8'h10; sel = 1'b1;
    #1 sel = 1'b0;
    #1 a = 8'h80;
    #1 b = 8'hff; sel = 1'b1;
    #1 a = 8'h7f; sel = 1'b0;
    #1 $finish;
  end
endmodule
