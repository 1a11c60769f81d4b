`timescale 1ns/1ps
module t;
  reg [7:0] a, b; integer i; real r; event e; wire [3:0] w = a[3:0];
  task automatic tk(input [7:0] x, output y); begin y = ^x; end endtask
  function [7:0] f(input [7:0] x); f = x << 1; endfunction
  initial begin : blk
    reg q;
    a = 0; b <= #2 8'hFF; r = 1.5e-3;
    for (i = 0; i < 4; i = i + 1) a = a + f(i);
    case (a) 8'd1, 8'd2: b = 1; default: b = 2; endcase
    casez (b) 8'b1??0_zzzz: ; endcase
    fork #1 -> e; @(e) q = 1; join
    repeat (2) @(posedge w[0] or negedge w[1]) a = {a[6:0], a[7]};
    wait (a) disable blk;
    force a = 1; release a; assign b = 2; deassign b;
    tk(a, q);
    $display("%d %h %b", a, b, {2{w}});
  end
endmodule
