module top;
  reg [3:0] r;
  wire [3:0] w;
  initial begin
    $display("%b %h %d", r, r, r);
    $display("%b", w);
    r = 4'b1x0z;
    $display("%b %h", r, r);
    if (r[2] === 1'bx) $display("x detected");
    $display("%b", r + 1);
  end
endmodule
