module top;
  initial begin
    $display("before stop");
    #3 $stop;
    $display("after stop");
  end
endmodule
