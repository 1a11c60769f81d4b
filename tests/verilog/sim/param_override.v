// Parameters: defaults, #() by order and by name, localparam derived from parameters, typed and ranged parameters.
module sub #(parameter W = 4, parameter [7:0] INIT = 8'hA5, parameter real SCALE = 1.5) ();
  localparam DW = W * 2;
  localparam integer N = W + 1;
  reg [DW-1:0] r;
  initial begin
    r = INIT;
    #(W) $display("%m W=%0d DW=%0d N=%0d INIT=%h r=%b SCALE=%0.2f", W, DW, N, INIT, r, SCALE);
  end
endmodule
module top;
  sub a();
  sub #(2) b();
  sub #(.SCALE(2.25), .W(3)) c();
  sub #(5, 8'h3C) d();
endmodule
