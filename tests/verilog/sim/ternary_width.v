// The conditional operator's width is the larger branch width; nested ?: chains select like a mux.
module top;
  reg sel;
  reg [3:0] n;
  reg [7:0] w;
  reg [1:0] s2;
  reg [15:0] r;
  initial begin
    n = 4'hF; w = 8'h80;
    sel = 1; r = sel ? n : w; $display("%h", r);
    sel = 0; r = sel ? n : w; $display("%h", r);
    r = sel ? n + 1 : 8'h00; $display("%h", r);
    r = 1 ? n + n : w; $display("%h", r);
    for (s2 = 0; s2 < 3; s2 = s2 + 1) begin
      r = s2 == 0 ? 16'hA : s2 == 1 ? 16'hB : 16'hC;
      $display("%0d %h", s2, r);
    end
  end
endmodule
